//! Comments on pages: add one (optionally mentioning a user) and list a page's
//! unresolved comments.

mod people;

use notion_model::rich_text::{Mention, RichTextContent};
use notion_model::{Comment, PageId, RichText, UserId};
use serde::Serialize;

pub use people::{UserDirectory, resolve_page};

use crate::error::Result;
use crate::workspace::Workspace;

/// A comment as shown by `orchestra comment list`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentView {
    /// The comment.
    pub id: String,
    /// Its discussion thread.
    pub discussion_id: String,
    /// When it was written (ISO 8601).
    pub created_time: String,
    /// The author's id.
    pub author_id: String,
    /// The author's name, when the workspace's users list has it.
    pub author: Option<String>,
    /// The text, mentions written as `@Name`.
    pub text: String,
    /// Users mentioned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
}

/// Adds a comment to `page`: `text`, preceded by a mention of `mention` when given.
///
/// # Errors
/// The API error (for instance when the integration may not insert comments).
pub async fn add_comment(
    workspace: &Workspace,
    page: PageId,
    text: &str,
    mention: Option<UserId>,
) -> Result<Comment> {
    let mut rich_text = Vec::new();
    if let Some(user) = mention {
        rich_text.push(RichText::mention(Mention::user(user)));
        rich_text.push(RichText::text(format!(" {text}")));
    } else {
        rich_text.push(RichText::text(text));
    }
    Ok(workspace
        .client()
        .comments()
        .create_on_page(page)
        .rich_text(rich_text)
        .send()
        .await?)
}

/// The unresolved comments of `page`, oldest first, with author names from `directory`.
///
/// # Errors
/// The API error.
pub async fn list_comments(
    workspace: &Workspace,
    page: PageId,
    directory: &UserDirectory,
) -> Result<Vec<CommentView>> {
    let comments = workspace
        .client()
        .comments()
        .list(page.into())
        .collect_all()
        .await?;
    Ok(comments.iter().map(|c| view(c, directory)).collect())
}

fn view(comment: &Comment, directory: &UserDirectory) -> CommentView {
    let mut mentions = Vec::new();
    let text = comment
        .rich_text
        .iter()
        .map(|item| match &item.content {
            RichTextContent::Mention(m) => {
                if let notion_model::rich_text::MentionKind::User(user) = &m.kind {
                    mentions.push(user.id.to_string());
                    let name = directory
                        .name_of(user.id)
                        .map(str::to_owned)
                        .unwrap_or_else(|| item.plain().trim_start_matches('@').to_owned());
                    format!("@{name}")
                } else {
                    item.plain().to_owned()
                }
            }
            _ => item.plain().to_owned(),
        })
        .collect();
    CommentView {
        id: comment.id.to_string(),
        discussion_id: comment.discussion_id.to_string(),
        created_time: comment.created_time.as_str().to_owned(),
        author_id: comment.created_by.id.to_string(),
        author: directory.name_of(comment.created_by.id).map(str::to_owned),
        text,
        mentions,
    }
}
