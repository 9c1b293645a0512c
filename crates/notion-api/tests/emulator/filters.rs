//! Every filter condition family through the typed `notion_model::Filter` builders.

use notion_api::ErrorCode;
use notion_api::model::Filter;
use notion_api::model::filter::{
    ExistenceCondition, FormulaCondition, NumberCondition, PropertyCondition, RollupCondition,
    RollupSubfilter, TextCondition,
};

use crate::catalog::{Catalog, day};
use crate::support::api_error;

#[tokio::test]
async fn scalar_property_filters() {
    let c = Catalog::build().await;
    // text
    assert_eq!(
        c.names(Filter::title("Name").equals("beta")).await,
        ["beta"]
    );
    assert_eq!(
        c.names(Filter::title("Name").contains("mm")).await,
        ["gamma"]
    );
    assert_eq!(
        c.names(Filter::title("Name").starts_with("de")).await,
        ["delta"]
    );
    assert_eq!(
        c.names(Filter::title("Name").ends_with("ta")).await,
        ["beta", "delta"]
    );
    assert_eq!(
        c.names(Filter::rich_text("Notes").does_not_contain("note"))
            .await,
        ["beta", "delta", "gamma"]
    );
    assert_eq!(
        c.names(Filter::rich_text("Notes").is_empty()).await,
        ["beta", "delta"]
    );
    // number
    assert_eq!(
        c.names(Filter::number("Points").greater_than(1)).await,
        ["beta", "gamma"]
    );
    assert_eq!(
        c.names(Filter::number("Points").less_than_or_equal_to(5))
            .await,
        ["alpha", "beta"]
    );
    assert_eq!(
        c.names(Filter::number("Points").equals(10)).await,
        ["gamma"]
    );
    assert_eq!(
        c.names(Filter::number("Points").is_empty()).await,
        ["delta"]
    );
    // checkbox
    assert_eq!(
        c.names(Filter::checkbox("Done").equals(true)).await,
        ["alpha"]
    );
    assert_eq!(
        c.names(Filter::checkbox("Done").does_not_equal(true)).await,
        ["beta", "delta", "gamma"]
    );
    // select / status
    assert_eq!(
        c.names(Filter::select("Tier").equals("Gold")).await,
        ["alpha"]
    );
    assert_eq!(
        c.names(Filter::select("Tier").does_not_equal("Gold")).await,
        ["beta", "delta", "gamma"]
    );
    assert_eq!(
        c.names(Filter::select("Tier").is_empty()).await,
        ["delta", "gamma"]
    );
    assert_eq!(
        c.names(Filter::status("Stage").equals("In progress")).await,
        ["beta"]
    );
    assert_eq!(
        c.names(Filter::status("Stage").is_not_empty()).await,
        ["alpha", "beta", "delta", "gamma"],
        "status defaults to the first option"
    );
    // multi_select
    assert_eq!(
        c.names(Filter::multi_select("Tags").contains("red")).await,
        ["alpha", "gamma"]
    );
    assert_eq!(
        c.names(Filter::multi_select("Tags").does_not_contain("red"))
            .await,
        ["beta", "delta"]
    );
    assert_eq!(
        c.names(Filter::multi_select("Tags").is_empty()).await,
        ["delta"]
    );
}

#[tokio::test]
async fn date_filters_with_iso_and_relative_values() {
    let c = Catalog::build().await;
    let due = || Filter::date("Due");
    assert_eq!(c.names(due().equals(day(-3))).await, ["beta"]);
    assert_eq!(c.names(due().equals("today")).await, ["alpha"]);
    assert_eq!(c.names(due().before("today")).await, ["beta"]);
    assert_eq!(
        c.names(due().on_or_after("today")).await,
        ["alpha", "gamma"]
    );
    assert_eq!(c.names(due().after("one_week_from_now")).await, ["gamma"]);
    assert_eq!(c.names(due().on_or_before("yesterday")).await, ["beta"]);
    assert_eq!(c.names(due().past_week()).await, ["alpha", "beta"]);
    assert_eq!(c.names(due().next_week()).await, ["alpha"]);
    assert_eq!(c.names(due().is_empty()).await, ["delta"]);
    // timestamps
    let all = ["alpha", "beta", "delta", "gamma"];
    assert_eq!(
        c.names(Filter::created_time().on_or_after(day(0))).await,
        all
    );
    assert!(
        c.names(Filter::created_time().before("today"))
            .await
            .is_empty()
    );
    assert_eq!(c.names(Filter::last_edited_time().past_week()).await, all);
}

#[tokio::test]
async fn people_relation_files_formula_and_rollup_filters() {
    let c = Catalog::build().await;
    // people, with "me" = the integration's bot
    assert_eq!(
        c.names(Filter::people("Owner").contains_me()).await,
        ["alpha"]
    );
    assert_eq!(
        c.names(Filter::people("Owner").contains(c.ada)).await,
        ["beta"]
    );
    assert_eq!(
        c.names(Filter::people("Owner").is_empty()).await,
        ["delta", "gamma"]
    );
    // relation
    assert_eq!(
        c.names(Filter::relation("Project").contains(c.p1)).await,
        ["alpha", "delta", "gamma"]
    );
    assert_eq!(
        c.names(Filter::relation("Project").contains(c.p2)).await,
        ["beta", "delta"]
    );
    assert_eq!(
        c.names(Filter::relation("Project").does_not_contain(c.p2))
            .await,
        ["alpha", "gamma"]
    );
    assert!(
        c.names(Filter::relation("Project").is_empty())
            .await
            .is_empty()
    );
    // files
    let files = |cond| Filter::property("Files", PropertyCondition::Files(cond));
    assert_eq!(
        c.names(files(ExistenceCondition::IsNotEmpty(true))).await,
        ["alpha"]
    );
    assert_eq!(
        c.names(files(ExistenceCondition::IsEmpty(true))).await,
        ["beta", "delta", "gamma"]
    );
    // formula (the emulator stores no computed result: every row reads `string: null`)
    let formula = |cond| Filter::property("Double", PropertyCondition::Formula(cond));
    assert_eq!(
        c.names(formula(FormulaCondition::String(TextCondition::IsEmpty(
            true
        ))))
        .await
        .len(),
        4
    );
    assert!(
        c.names(formula(FormulaCondition::String(TextCondition::Equals(
            "2".into()
        ))))
        .await
        .is_empty()
    );
    // rollup of Project.Score: alpha [10], beta [2], gamma [10], delta [10, 2]
    let over_5 = || RollupSubfilter::Number(NumberCondition::GreaterThan(5.into()));
    let rollup = |cond| Filter::property("Scores", PropertyCondition::Rollup(cond));
    assert_eq!(
        c.names(rollup(RollupCondition::Any(over_5()))).await,
        ["alpha", "delta", "gamma"]
    );
    assert_eq!(
        c.names(rollup(RollupCondition::Every(over_5()))).await,
        ["alpha", "gamma"]
    );
    assert_eq!(
        c.names(rollup(RollupCondition::None(over_5()))).await,
        ["beta"]
    );
}

#[tokio::test]
async fn compound_filters_and_the_nesting_limit() {
    let c = Catalog::build().await;
    let and = Filter::and(vec![
        Filter::multi_select("Tags").contains("red"),
        Filter::number("Points").greater_than(1),
    ]);
    assert_eq!(c.names(and).await, ["gamma"]);
    let or = Filter::or(vec![
        Filter::checkbox("Done").equals(true),
        Filter::select("Tier").equals("Silver"),
    ]);
    assert_eq!(c.names(or).await, ["alpha", "beta"]);
    let nested = Filter::or(vec![
        Filter::and(vec![
            Filter::number("Points").is_empty(),
            Filter::relation("Project").contains(c.p2),
        ]),
        Filter::and(vec![
            Filter::title("Name").equals("gamma"),
            Filter::date("Due").after("today"),
        ]),
    ]);
    assert_eq!(nested.depth(), 2);
    assert_eq!(c.names(nested).await, ["delta", "gamma"]);

    let too_deep = Filter::and(vec![Filter::or(vec![Filter::and(vec![
        Filter::checkbox("Done").equals(true),
    ])])]);
    assert_eq!(too_deep.depth(), 3);
    let err = c
        .client()
        .data_sources()
        .query(c.ds)
        .filter(&too_deep)
        .send()
        .await
        .unwrap_err();
    let api = api_error(&err, 400, ErrorCode::ValidationError);
    assert!(
        api.message.starts_with(
            "body failed validation: body.filter.and[0].or[0].and should be not present"
        ),
        "{}",
        api.message
    );
}
