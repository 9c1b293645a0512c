//! `/v1/file_uploads`: single part (create, send, retrieve, list), multi part (complete),
//! and attaching an upload to a `files` property.

use bytes::Bytes;
use notion_api::model::common::EmptyObject;
use notion_api::model::file_upload::FileUploadStatus;
use notion_api::model::{
    FileObject, FileSource, PropertyConfig, PropertySchema, PropertyValue, PropertyValueContent,
};

use crate::support::{Env, database, row};

#[tokio::test]
async fn single_part_upload_then_attach() {
    let env = Env::start().await;
    let uploads = env.client.file_uploads();
    let created = uploads
        .create()
        .filename("notes.txt")
        .content_type("text/plain")
        .send()
        .await
        .expect("create upload");
    assert_eq!(created.status, FileUploadStatus::Pending);

    let sent = uploads
        .send(
            created.id,
            "notes.txt",
            "text/plain",
            Bytes::from_static(b"hello emulator"),
            None,
        )
        .await
        .expect("send");
    assert_eq!(sent.status, FileUploadStatus::Uploaded);
    assert_eq!(
        sent.content_length
            .clone()
            .flatten()
            .map(|n| n.to_string())
            .as_deref(),
        Some("14")
    );

    let fetched = uploads.retrieve(created.id).await.expect("retrieve");
    assert_eq!(fetched.status, FileUploadStatus::Uploaded);
    assert_eq!(
        fetched.filename.clone().flatten().as_deref(),
        Some("notes.txt")
    );

    let listed = uploads.list().collect_all().await.expect("list");
    assert!(listed.iter().any(|u| u.id == created.id));
    let uploaded = uploads
        .list_with_status("uploaded")
        .collect_all()
        .await
        .expect("list uploaded");
    assert!(
        uploaded
            .iter()
            .all(|u| u.status == FileUploadStatus::Uploaded)
    );
    let pending = uploads
        .list_with_status("pending")
        .collect_all()
        .await
        .expect("list pending");
    assert!(!pending.iter().any(|u| u.id == created.id));

    let (_, ds) = database(
        &env.client,
        env.root(),
        "Docs",
        vec![(
            "Attachments",
            PropertySchema::new(PropertyConfig::Files(EmptyObject::new())),
        )],
    )
    .await;
    let file = FileObject::file_upload(created.id).named("notes.txt");
    let page = row(
        &env.client,
        ds,
        "With file",
        vec![(
            "Attachments",
            PropertyValue::new(PropertyValueContent::Files(vec![file])),
        )],
    )
    .await;
    let PropertyValueContent::Files(files) = &page.property("Attachments").unwrap().value else {
        panic!("files value expected");
    };
    assert_eq!(files.len(), 1);
    assert!(
        matches!(files[0].source, FileSource::File(_)),
        "an attached upload reads back as a hosted file: {:?}",
        files[0]
    );
}

#[tokio::test]
async fn multi_part_upload_completes() {
    let env = Env::start().await;
    let uploads = env.client.file_uploads();
    let created = uploads
        .create()
        .filename("big.bin")
        .content_type("application/octet-stream")
        .multi_part(2)
        .send()
        .await
        .expect("create multi part");
    assert_eq!(created.status, FileUploadStatus::Pending);
    let part1 = Bytes::from(vec![1u8; 1024]);
    let part2 = Bytes::from(vec![2u8; 100]);
    let after_one = uploads
        .send(
            created.id,
            "big.bin",
            "application/octet-stream",
            part1,
            Some(1),
        )
        .await
        .expect("part 1");
    assert_eq!(after_one.status, FileUploadStatus::Pending);
    assert_eq!(
        after_one
            .number_of_parts
            .as_ref()
            .map(|p| (p.sent, p.total)),
        Some((1, 2))
    );
    uploads
        .send(
            created.id,
            "big.bin",
            "application/octet-stream",
            part2,
            Some(2),
        )
        .await
        .expect("part 2");
    let done = uploads.complete(created.id).await.expect("complete");
    assert_eq!(done.status, FileUploadStatus::Uploaded);
    assert_eq!(
        done.content_length
            .flatten()
            .map(|n| n.to_string())
            .as_deref(),
        Some("1124")
    );
}
