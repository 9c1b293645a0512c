//! User objects.

use serde_json::{Value, json};

use crate::state::Ctx;
use crate::store::people::StoredUser;

/// A user as `GET /v1/users` shows it; `full_bot` adds the owner/workspace block (for `me`).
pub(crate) fn user(ctx: &Ctx, user: &StoredUser, full_bot: bool) -> Value {
    let name = user.data.get("name").cloned().unwrap_or(Value::Null);
    let avatar = user.data.get("avatar_url").cloned().unwrap_or(Value::Null);
    if user.kind == "bot" {
        let bot = if full_bot || user.id == ctx.integration.bot_user_id {
            json!({
                "owner": {"type": "workspace", "workspace": true},
                "workspace_name": ctx.workspace.name,
                "workspace_id": ctx.workspace.id,
                "workspace_limits": {"max_file_upload_size_in_bytes": crate::api::file_uploads::MAX_FILE_BYTES}
            })
        } else {
            json!({})
        };
        json!({"object": "user", "id": user.id, "name": name, "avatar_url": avatar, "type": "bot", "bot": bot})
    } else {
        let person = if ctx.integration.user_info == "with_email" {
            json!({"email": user.data.get("email").cloned().unwrap_or(Value::Null)})
        } else {
            json!({})
        };
        json!({"object": "user", "id": user.id, "name": name, "avatar_url": avatar, "type": "person", "person": person})
    }
}
