//! Finding the user to mention and the page to comment on from what a person types.

use notion_model::user::UserKind;
use notion_model::{PageId, UserId};

use crate::error::{Error, Result};
use crate::record::did_you_mean;
use crate::workspace::Workspace;

/// The workspace's users (one paged `GET /v1/users`).
#[derive(Debug, Clone, Default)]
pub struct UserDirectory {
    users: Vec<(UserId, Option<String>, Option<String>)>,
}

impl UserDirectory {
    /// Lists the users.
    ///
    /// # Errors
    /// The API error.
    pub async fn load(workspace: &Workspace) -> Result<Self> {
        let users = workspace.client().users().list().collect_all().await?;
        Ok(Self {
            users: users
                .into_iter()
                .map(|u| {
                    let email = match &u.kind {
                        UserKind::Person(p) => p.email.clone(),
                        _ => None,
                    };
                    (u.id, u.name.flatten(), email)
                })
                .collect(),
        })
    }

    /// The name of user `id`, if known.
    pub fn name_of(&self, id: UserId) -> Option<&str> {
        self.users
            .iter()
            .find(|(u, _, _)| *u == id)
            .and_then(|(_, name, _)| name.as_deref())
    }

    /// A user by id, e-mail or name (case-insensitive).
    ///
    /// # Errors
    /// [`Error::Lookup`] when nobody or several people match, with a suggestion.
    pub fn resolve(&self, given: &str) -> Result<UserId> {
        let given = given.trim().trim_start_matches('@');
        if let Ok(id) = UserId::parse(given) {
            return Ok(id);
        }
        let matches: Vec<UserId> = self
            .users
            .iter()
            .filter(|(_, name, email)| {
                email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(given))
                    || name
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(given))
            })
            .map(|(id, _, _)| *id)
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => {
                let names = self.users.iter().filter_map(|(_, n, _)| n.as_deref());
                let hint = did_you_mean(given, names)
                    .map(|n| format!("; did you mean {n:?}?"))
                    .unwrap_or_default();
                Err(Error::Lookup(format!(
                    "no user of the workspace has the name or e-mail {given:?}{hint} \
                     (give a user id, an e-mail or a name)"
                )))
            }
            _ => Err(Error::Lookup(format!(
                "several users are called {given:?}; give their e-mail or user id"
            ))),
        }
    }
}

/// The page `given` names: an id or URL, else a title (key) in `database`, else a title
/// in any provisioned database.
///
/// # Errors
/// [`Error::Lookup`] when no page or several pages match.
pub async fn resolve_page(
    workspace: &Workspace,
    given: &str,
    database: Option<&str>,
) -> Result<PageId> {
    if let Ok(id) = PageId::parse(given) {
        return Ok(id);
    }
    if let Some(database) = database {
        return workspace.find_page(database, given).await;
    }
    let mut found = Vec::new();
    for key in workspace.config().databases.keys() {
        if workspace.schema().database(key).is_err() {
            continue;
        }
        match workspace.find_page(key, given).await {
            Ok(id) => found.push((key.clone(), id)),
            Err(Error::Lookup(message)) if message.starts_with("several") => {
                return Err(Error::Lookup(message));
            }
            Err(Error::Lookup(_)) => {}
            Err(other) => return Err(other),
        }
    }
    match found.as_slice() {
        [(_, id)] => Ok(*id),
        [] => Err(Error::Lookup(format!(
            "no page titled {given:?} in any provisioned database; give a page id or URL, or \
             --database"
        ))),
        _ => Err(Error::Lookup(format!(
            "pages titled {given:?} exist in {}; choose one with --database",
            found
                .iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
