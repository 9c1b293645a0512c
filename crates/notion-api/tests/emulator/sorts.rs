//! Query sorts: property sorts, multiple keys, timestamp sorts, empty values last.

use notion_api::model::Sort;
use notion_api::model::filter::Direction;

use crate::catalog::Catalog;

#[tokio::test]
async fn sorts_by_properties_and_timestamps() {
    let c = Catalog::build().await;
    assert_eq!(
        c.sorted(vec![Sort::ascending("Name")]).await,
        ["alpha", "beta", "delta", "gamma"]
    );
    assert_eq!(
        c.sorted(vec![Sort::descending("Name")]).await,
        ["gamma", "delta", "beta", "alpha"]
    );
    // Empty numbers sort last in both directions.
    assert_eq!(
        c.sorted(vec![Sort::descending("Points")]).await,
        ["gamma", "beta", "alpha", "delta"]
    );
    assert_eq!(
        c.sorted(vec![Sort::ascending("Points")]).await,
        ["alpha", "beta", "gamma", "delta"]
    );
    // Second key breaks ties of the first.
    assert_eq!(
        c.sorted(vec![Sort::ascending("Done"), Sort::descending("Name")])
            .await,
        ["gamma", "delta", "beta", "alpha"]
    );
    // Creation order (rows were created alpha, beta, gamma, delta).
    assert_eq!(
        c.sorted(vec![Sort::created_time(Direction::Ascending)])
            .await,
        ["alpha", "beta", "gamma", "delta"]
    );
    assert_eq!(
        c.sorted(vec![Sort::created_time(Direction::Descending)])
            .await,
        ["delta", "gamma", "beta", "alpha"]
    );
    // Without sorts: newest first.
    assert_eq!(c.sorted(vec![]).await, ["delta", "gamma", "beta", "alpha"]);
}
