//! `/v1/users`: list, retrieve, me.

use notion_model::{User, UserId};
use reqwest::Method;

use super::list::ListRequest;
use crate::client::Client;
use crate::error::Result;
use crate::transport::request::ApiRequest;

/// Users endpoints. Get one with [`Client::users`].
#[derive(Debug, Clone, Copy)]
pub struct UsersHandler<'c> {
    client: &'c Client,
}

impl<'c> UsersHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `GET /v1/users`: workspace members and bots (paginated).
    pub fn list(&self) -> ListRequest<User> {
        ListRequest::new(self.client, "/v1/users".to_owned())
    }

    /// `GET /v1/users/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); 404 when the user is unknown.
    pub async fn retrieve(&self, id: UserId) -> Result<User> {
        self.client
            .execute(&ApiRequest::new(Method::GET, format!("/v1/users/{id}")))
            .await
    }

    /// `GET /v1/users/me`: the token's bot user.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); 401 for a bad token.
    pub async fn me(&self) -> Result<User> {
        self.client
            .execute(&ApiRequest::new(Method::GET, "/v1/users/me"))
            .await
    }
}
