//! Users: people, bots, groups and partial `{object, id}` references.

use serde::{Deserialize, Serialize};

use crate::common::Extra;
use crate::ids::UserId;
use crate::serde_util::{payload_enum, present};

/// A user object, full or partial.
///
/// Partial users (`{"object":"user","id":...}`, in `created_by` and people values) leave
/// everything but `id` empty. File-upload authors (`{"id","type":"bot"}`) have no `object`.
/// Groups (`{"object":"group","id","name"}`) in people values use the same struct.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// `"user"` (or `"group"`); absent in file-upload authors and some requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The user id.
    pub id: UserId,
    /// `person`, `bot` (or `agent`, …); absent on partial users.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// Display name (`null` when unknown).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub name: Option<Option<String>>,
    /// Avatar URL (`null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub avatar_url: Option<Option<String>>,
    /// The `person` / `bot` payload.
    #[serde(flatten)]
    pub kind: UserKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// What kind of user this is, with the kind's payload.
    pub enum UserKind {
        /// A human member or guest.
        Person(Person) = "person",
        /// An integration.
        Bot(Bot) = "bot",
    }
}

/// The `person` payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// E-mail, when the integration may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Keys this crate does not model (e.g. `email_verified`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `bot` payload (`{}` for other bots, full for `GET /v1/users/me`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bot {
    /// Who owns the bot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<BotOwner>,
    /// Workspace name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub workspace_name: Option<Option<String>>,
    /// Workspace id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// Workspace limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_limits: Option<WorkspaceLimits>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `bot.workspace_limits`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceLimits {
    /// Largest file upload allowed, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_upload_size_in_bytes: Option<u64>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `bot.owner`: `{"type":"workspace","workspace":true}` or `{"type":"user","user":{...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BotOwner {
    /// `workspace` or `user`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// The owner payload.
    #[serde(flatten)]
    pub kind: BotOwnerKind,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

payload_enum! {
    /// Who owns a bot.
    pub enum BotOwnerKind {
        /// Owned by the workspace (`workspace: true`).
        Workspace(bool) = "workspace",
        /// Owned by a user.
        User(Box<User>) = "user",
    }
}

impl User {
    /// A partial user reference `{"object":"user","id":...}`.
    pub fn partial(id: UserId) -> Self {
        Self {
            object: Some("user".to_owned()),
            id,
            type_name: None,
            name: None,
            avatar_url: None,
            kind: UserKind::Unknown,
            extra: Extra::new(),
        }
    }

    /// A bare `{"id":...}` reference, as people values are written in requests.
    pub fn reference(id: UserId) -> Self {
        Self {
            object: None,
            ..Self::partial(id)
        }
    }

    /// A full person user.
    pub fn person(id: UserId, name: impl Into<String>, email: Option<String>) -> Self {
        Self {
            type_name: Some("person".to_owned()),
            name: Some(Some(name.into())),
            avatar_url: Some(None),
            kind: UserKind::Person(Person {
                email,
                extra: Extra::new(),
            }),
            ..Self::partial(id)
        }
    }

    /// A full bot user (with an empty `bot` payload; fill it in as needed).
    pub fn bot(id: UserId, name: impl Into<String>) -> Self {
        Self {
            type_name: Some("bot".to_owned()),
            name: Some(Some(name.into())),
            avatar_url: Some(None),
            kind: UserKind::Bot(Bot::default()),
            ..Self::partial(id)
        }
    }

    /// The display name, if known.
    pub fn display_name(&self) -> Option<&str> {
        self.name.as_ref().and_then(|n| n.as_deref())
    }

    /// Whether this is a group object (`object: "group"`).
    pub fn is_group(&self) -> bool {
        self.object.as_deref() == Some("group")
    }
}
