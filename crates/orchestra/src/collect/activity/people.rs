//! Workspace users by e-mail, to fill the Author of an activity.

use std::collections::HashMap;

use futures::TryStreamExt;
use notion_api::Client;
use notion_model::UserId;
use notion_model::user::UserKind;

/// The workspace's people, by lower-case e-mail.
#[derive(Debug, Clone, Default)]
pub struct People {
    by_email: HashMap<String, String>,
}

impl People {
    /// Lists the workspace's users. When they cannot be read (an integration without
    /// user-information capability), nobody matches and a warning is logged.
    pub async fn load(client: &Client) -> Self {
        let mut people = Self::default();
        let mut users = client.users().list().page_size(100).stream();
        loop {
            match users.try_next().await {
                Ok(Some(user)) => {
                    if let UserKind::Person(person) = &user.kind
                        && let Some(email) = &person.email
                    {
                        people.insert(email, &user.id.to_string());
                    }
                }
                Ok(None) => break,
                Err(err) => {
                    tracing::warn!("cannot list workspace users, authors stay empty: {err}");
                    break;
                }
            }
        }
        people
    }

    /// Adds a person.
    pub fn insert(&mut self, email: &str, user_id: &str) {
        self.by_email
            .insert(email.trim().to_ascii_lowercase(), user_id.to_owned());
    }

    /// The user id for a user id or an e-mail (`None` when no user has that e-mail).
    pub fn resolve(&self, who: &str) -> Option<String> {
        let who = who.trim();
        if !who.contains('@')
            && let Ok(id) = UserId::parse(who)
        {
            return Some(id.to_string());
        }
        self.by_email.get(&who.to_ascii_lowercase()).cloned()
    }
}
