//! The token never appears in Debug/Display output or in traces.

use notion_api::{Method, Token};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{self, TOKEN};

#[test]
fn token_is_hidden_in_debug_and_display() {
    let token = Token::from(TOKEN);
    assert_eq!(format!("{token:?}"), "Token(***)");
    assert_eq!(format!("{token}"), "***");
    let client = notion_api::Client::builder().token(TOKEN).build().unwrap();
    let debug = format!("{client:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(debug.contains("api.notion.com"), "{debug}");
    let builder = notion_api::Client::builder().token(TOKEN);
    assert!(!format!("{builder:?}").contains(TOKEN));
}

#[tokio::test(start_paused = true)]
async fn token_is_absent_from_errors_and_trace_output() {
    let server = support::server().await;
    Mock::given(method("GET"))
        .and(path("/v1/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(support::bot_user("me")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(support::error_body(
                401,
                "unauthorized",
                "API token is invalid.",
                None,
            )),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/users/retry"))
        .respond_with(support::rate_limited(Some("1")))
        .mount(&server)
        .await;
    let client = support::builder(&server)
        .retry(notion_api::RetryPolicy::default().max_rate_limit_attempts(2))
        .build()
        .unwrap();

    client
        .request_json(Method::GET, "users/me", None, None)
        .await
        .unwrap();
    let unauthorized = client
        .request_json(Method::GET, "users", None, None)
        .await
        .unwrap_err();
    let limited = client
        .request_json(Method::GET, "users/retry", None, None)
        .await
        .unwrap_err();
    let decode = client
        .request_json(Method::GET, "users/me", None, None)
        .await
        .map(|_| ());
    assert!(decode.is_ok());

    for err in [&unauthorized, &limited] {
        for text in [format!("{err}"), format!("{err:?}"), format!("{err:#?}")] {
            assert!(!text.contains(TOKEN), "token leaked: {text}");
        }
    }
    assert_eq!(unauthorized.status(), Some(401));

    // Every test's traces so far, this one's included.
    let output = crate::trace_capture::captured();
    assert!(
        output.contains("notion_request"),
        "trace captured: {output}"
    );
    assert!(
        output.contains("path=/v1/users/retry"),
        "trace captured: {output}"
    );
    assert!(output.contains("status=401"), "trace captured: {output}");
    assert!(output.contains("status=200"), "trace captured: {output}");
    assert!(
        output.contains("will be retried"),
        "trace captured: {output}"
    );
    assert!(
        !output.contains(TOKEN),
        "token leaked into traces:\n{output}"
    );
    assert!(
        !output.contains("ntn_"),
        "token prefix leaked into traces:\n{output}"
    );
}
