//! A fixture for filter and sort tests: a `Catalog` data source whose four rows
//! (`alpha`, `beta`, `gamma`, `delta`) cover every property family, with a
//! relation and a rollup to a `Projects` data source.

use notion_api::Client;
use notion_api::model::common::EmptyObject;
use notion_api::model::property::{
    FormulaConfig, NumberFormat, RollupConfig, RollupFunction, SelectOption,
};
use notion_api::model::{
    DataSourceId, DateValue, FileObject, Filter, PageId, PropertyConfig, PropertySchema,
    PropertyValue, PropertyValueContent, Sort, UserId,
};

use crate::support::{Env, database, row};

/// The fixture's ids.
pub(crate) struct Catalog {
    pub(crate) env: Env,
    pub(crate) ds: DataSourceId,
    /// Project with score 10.
    pub(crate) p1: PageId,
    /// Project with score 2.
    pub(crate) p2: PageId,
    /// A person (owner of `beta`); `alpha` is owned by the integration's bot.
    pub(crate) ada: UserId,
}

/// `today + days` as an ISO date (UTC), the day Notion's relative filters use.
pub(crate) fn day(days: i64) -> String {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    today
        .checked_add(jiff::Span::new().days(days))
        .expect("date in range")
        .to_string()
}

fn date(days: i64) -> PropertyValue {
    PropertyValue::date(DateValue::new(day(days)))
}

fn formula() -> PropertySchema {
    let mut config = FormulaConfig::default();
    config.expression = Some("prop(\"Points\") * 2".to_owned());
    PropertySchema::new(PropertyConfig::Formula(config))
}

fn rollup() -> PropertySchema {
    let mut config = RollupConfig::default();
    config.function = Some(RollupFunction::ShowOriginal);
    config.relation_property_name = Some("Project".to_owned());
    config.rollup_property_name = Some("Score".to_owned());
    PropertySchema::new(PropertyConfig::Rollup(config))
}

fn options(names: &[&str]) -> Vec<SelectOption> {
    names.iter().map(|n| SelectOption::named(*n)).collect()
}

impl Catalog {
    /// Builds the fixture in a fresh emulator.
    pub(crate) async fn build() -> Self {
        let env = Env::start().await;
        let ada = UserId::parse(&env.emu.admin().user("Ada", "ada@example.com")).unwrap();
        let bot = UserId::parse(&env.emu.bot_user_id()).unwrap();
        let client = &env.client;
        let (_, projects) = database(
            client,
            env.root(),
            "Projects",
            vec![("Score", PropertySchema::number(NumberFormat::Number))],
        )
        .await;
        let p1 = row(
            client,
            projects,
            "P1",
            vec![("Score", PropertyValue::number(10))],
        )
        .await
        .id;
        let p2 = row(
            client,
            projects,
            "P2",
            vec![("Score", PropertyValue::number(2))],
        )
        .await
        .id;
        let (_, ds) = database(
            client,
            env.root(),
            "Catalog",
            vec![
                ("Notes", PropertySchema::rich_text()),
                ("Points", PropertySchema::number(NumberFormat::Number)),
                ("Done", PropertySchema::checkbox()),
                ("Tier", PropertySchema::select(options(&["Gold", "Silver"]))),
                ("Stage", PropertySchema::status()),
                (
                    "Tags",
                    PropertySchema::multi_select(options(&["red", "green", "blue"])),
                ),
                ("Due", PropertySchema::date()),
                ("Owner", PropertySchema::people()),
                ("Project", PropertySchema::relation(projects)),
                (
                    "Files",
                    PropertySchema::new(PropertyConfig::Files(EmptyObject::new())),
                ),
                ("Double", formula()),
            ],
        )
        .await;
        // The rollup needs the relation to exist first.
        client
            .data_sources()
            .update(ds)
            .property("Scores", rollup())
            .send()
            .await
            .expect("add rollup");
        let file = FileObject::external("https://example.com/spec.pdf").named("spec.pdf");
        row(
            client,
            ds,
            "alpha",
            vec![
                ("Notes", PropertyValue::rich_text("first note")),
                ("Points", PropertyValue::number(1)),
                ("Done", PropertyValue::checkbox(true)),
                ("Tier", PropertyValue::select("Gold")),
                ("Stage", PropertyValue::status("Done")),
                ("Tags", PropertyValue::multi_select(["red", "green"])),
                ("Due", date(0)),
                ("Owner", PropertyValue::people([bot])),
                ("Project", PropertyValue::relation([p1])),
                (
                    "Files",
                    PropertyValue::new(PropertyValueContent::Files(vec![file])),
                ),
            ],
        )
        .await;
        row(
            client,
            ds,
            "beta",
            vec![
                ("Points", PropertyValue::number(5)),
                ("Tier", PropertyValue::select("Silver")),
                ("Stage", PropertyValue::status("In progress")),
                ("Tags", PropertyValue::multi_select(["blue"])),
                ("Due", date(-3)),
                ("Owner", PropertyValue::people([ada])),
                ("Project", PropertyValue::relation([p2])),
            ],
        )
        .await;
        row(
            client,
            ds,
            "gamma",
            vec![
                ("Notes", PropertyValue::rich_text("second")),
                ("Points", PropertyValue::number(10)),
                ("Tags", PropertyValue::multi_select(["red"])),
                ("Due", date(10)),
                ("Project", PropertyValue::relation([p1])),
            ],
        )
        .await;
        row(
            client,
            ds,
            "delta",
            vec![("Project", PropertyValue::relation([p1, p2]))],
        )
        .await;
        Self {
            env,
            ds,
            p1,
            p2,
            ada,
        }
    }

    /// The client.
    pub(crate) fn client(&self) -> &Client {
        &self.env.client
    }

    /// Names of the rows matching `filter`, sorted.
    pub(crate) async fn names(&self, filter: Filter) -> Vec<String> {
        let rows = self
            .client()
            .data_sources()
            .query(self.ds)
            .filter(&filter)
            .collect_all()
            .await
            .unwrap_or_else(|e| panic!("query with {filter:?} failed: {e}"));
        let mut names: Vec<String> = rows.iter().filter_map(|p| p.title()).collect();
        names.sort();
        names
    }

    /// Names of every row in the order of `sorts`.
    pub(crate) async fn sorted(&self, sorts: Vec<Sort>) -> Vec<String> {
        let rows = self
            .client()
            .data_sources()
            .query(self.ds)
            .sorts(&sorts)
            .collect_all()
            .await
            .expect("sorted query");
        rows.iter().filter_map(|p| p.title()).collect()
    }
}
