//! `orchestra::comments`: comments with user mentions, listed back with names.

use orchestra::comments::{UserDirectory, add_comment, list_comments, resolve_page};
use orchestra::record::Record;

use crate::support::{TestResult, provisioned};

#[tokio::test]
async fn a_comment_with_a_mention_is_listed_back() -> TestResult {
    let (emu, workspace) = provisioned().await;
    let ada = emu.admin().user("Ada Lovelace", "ada@example.com");
    workspace
        .create_page("projects", &Record::new().set("Name", "Apollo"))
        .await?;
    let page = resolve_page(&workspace, "Apollo", None).await?;
    assert_eq!(
        resolve_page(&workspace, "Apollo", Some("projects")).await?,
        page
    );

    let directory = UserDirectory::load(&workspace).await?;
    let by_email = directory.resolve("ADA@example.com")?;
    assert_eq!(
        by_email.to_string(),
        notion_model::UserId::parse(&ada)?.to_string()
    );
    assert_eq!(directory.resolve("ada lovelace")?, by_email);
    let typo = directory.resolve("Ada Lovelase").expect_err("typo");
    assert!(
        typo.to_string().contains("did you mean \"Ada Lovelace\"?"),
        "{typo}"
    );

    add_comment(&workspace, page, "please review", Some(by_email)).await?;
    add_comment(&workspace, page, "second thought", None).await?;
    let comments = list_comments(&workspace, page, &directory).await?;
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].text, "@Ada Lovelace please review");
    assert_eq!(comments[0].mentions, vec![by_email.to_string()]);
    assert_eq!(comments[1].text, "second thought");
    assert!(comments[1].mentions.is_empty());
    Ok(())
}

#[tokio::test]
async fn an_unknown_page_title_is_a_lookup_error() -> TestResult {
    let (_emu, workspace) = provisioned().await;
    let err = resolve_page(&workspace, "Nowhere", None)
        .await
        .expect_err("no such page");
    assert!(matches!(err, orchestra::Error::Lookup(_)), "{err}");
    Ok(())
}
