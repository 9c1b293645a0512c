//! `orchestra comment add|list`.

use std::process::ExitCode;

use orchestra::comments::{UserDirectory, add_comment, list_comments, resolve_page};
use serde_json::json;

use super::{say, say_json};
use crate::cli::Output;
use crate::session::Session;

/// Adds a comment to a page, optionally mentioning a user.
pub(crate) async fn add(
    session: &Session,
    output: Output,
    page: &str,
    text: &str,
    mention: Option<&str>,
    database: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let page_id = resolve_page(&workspace, page, database).await?;
    let user = match mention {
        Some(given) => Some(UserDirectory::load(&workspace).await?.resolve(given)?),
        None => None,
    };
    let comment = add_comment(&workspace, page_id, text, user).await?;
    if output.json {
        say_json(&json!({
            "id": comment.id,
            "discussion_id": comment.discussion_id,
            "page_id": page_id,
            "mention": user,
        }))?;
    } else {
        say(&comment.id.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists a page's unresolved comments.
pub(crate) async fn list(
    session: &Session,
    output: Output,
    page: &str,
    database: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let workspace = session.workspace();
    let page_id = resolve_page(&workspace, page, database).await?;
    let directory = UserDirectory::load(&workspace).await?;
    let comments = list_comments(&workspace, page_id, &directory).await?;
    if output.json {
        say_json(&json!({"page_id": page_id, "comments": comments}))?;
        return Ok(ExitCode::SUCCESS);
    }
    if comments.is_empty() {
        say("No comments.")?;
    }
    for c in &comments {
        let author = c.author.as_deref().unwrap_or(&c.author_id);
        say(&format!("{}  {author}: {}", c.created_time, c.text))?;
    }
    Ok(ExitCode::SUCCESS)
}
