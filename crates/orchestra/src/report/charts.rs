//! The report's charts: stacked bar charts rendered to PNG with plotters' bitmap
//! backend. Text is drawn with the DejaVu Sans font embedded in the binary (through
//! `ab_glyph`), so rendering needs no system fonts or fontconfig.

use std::path::Path;
use std::sync::Once;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::ReportData;
use super::content::{SEVERITIES, STATUSES, number};
use crate::error::{Error, Result};

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/LICENSE-DejaVu.txt`).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name the embedded font is registered under.
const FAMILY: &str = "sans-serif";

/// Width and height of every chart, in pixels.
pub const SIZE: (u32, u32) = (800, 400);

/// An RGB colour.
pub type Rgb = (u8, u8, u8);

const GREEN: Rgb = (46, 160, 67);
const BLUE: Rgb = (56, 132, 255);
const AMBER: Rgb = (230, 160, 30);
const RED: Rgb = (218, 54, 51);
const GREY: Rgb = (140, 149, 159);
const PURPLE: Rgb = (137, 87, 229);

/// One bar: a label and its stacked segments (value, colour), bottom first.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Shown under the bar.
    pub label: String,
    /// Stacked segments.
    pub segments: Vec<(f64, Rgb)>,
}

impl Bar {
    fn one(label: impl Into<String>, value: f64, colour: Rgb) -> Self {
        Self {
            label: label.into(),
            segments: vec![(value, colour)],
        }
    }

    fn total(&self) -> f64 {
        self.segments.iter().map(|(v, _)| v).sum()
    }
}

/// One chart of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Short name; the file is `<name>.png`.
    pub name: &'static str,
    /// Drawn above the plot.
    pub title: String,
    /// The image block's caption (and the Markdown alt text), with the legend.
    pub caption: String,
    /// The bars.
    pub bars: Vec<Bar>,
    /// Values are printed on the bars with this prefix (`$`) or suffix (`%`).
    pub unit: Unit,
}

/// How bar values are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count.
    Count,
    /// US dollars.
    Dollars,
    /// A percentage.
    Percent,
}

impl Unit {
    fn show(self, v: f64) -> String {
        match self {
            Self::Count => number(v),
            Self::Dollars => format!("${v:.2}"),
            Self::Percent => format!("{v:.0}%"),
        }
    }
}

impl ChartSpec {
    /// `<name>.png`.
    pub fn file_name(&self) -> String {
        format!("{}.png", self.name)
    }

    /// Draws the chart into a PNG file at `path`.
    ///
    /// # Errors
    /// [`Error::Report`] when drawing or encoding fails.
    pub fn render(&self, path: &Path) -> Result<()> {
        draw(self, path).map_err(|e| Error::Report(format!("chart {}: {e}", self.name)))
    }
}

fn ensure_font() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        for style in [FontStyle::Normal, FontStyle::Bold] {
            if register_font(FAMILY, style, FONT).is_err() {
                tracing::warn!("the embedded chart font could not be loaded");
            }
        }
    });
}

fn rgb((r, g, b): Rgb) -> RGBColor {
    RGBColor(r, g, b)
}

fn draw(spec: &ChartSpec, path: &Path) -> std::result::Result<(), Box<dyn std::error::Error>> {
    ensure_font();
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let count = u32::try_from(spec.bars.len().max(1)).unwrap_or(u32::MAX);
    let max = spec.bars.iter().map(Bar::total).fold(0.0, f64::max);
    let top = if max > 0.0 { max * 1.18 } else { 1.0 };
    let mut chart = ChartBuilder::on(&root)
        .caption(&spec.title, (FAMILY, 24).into_font())
        .margin(16)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d((0u32..count - 1).into_segmented(), 0f64..top)?;
    let labels: Vec<String> = spec.bars.iter().map(|b| short(&b.label)).collect();
    let formatter = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            labels.get(*i as usize).cloned().unwrap_or_default()
        }
        SegmentValue::Last => String::new(),
    };
    let unit = spec.unit;
    let y_formatter = |v: &f64| {
        if unit == Unit::Count && v.fract().abs() > 1e-9 {
            String::new()
        } else {
            unit.show(*v)
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(235, 238, 241))
        .x_labels(spec.bars.len().max(1))
        .x_label_formatter(&formatter)
        .y_label_formatter(&y_formatter)
        .y_labels(6)
        .label_style((FAMILY, 13).into_font())
        .draw()?;
    for (i, bar) in spec.bars.iter().enumerate() {
        let x = u32::try_from(i).unwrap_or(u32::MAX);
        let mut bottom = 0.0;
        for (value, colour) in &bar.segments {
            if *value <= 0.0 {
                continue;
            }
            let mut rect = Rectangle::new(
                [
                    (SegmentValue::Exact(x), bottom),
                    (SegmentValue::Exact(x + 1), bottom + value),
                ],
                rgb(*colour).filled(),
            );
            rect.set_margin(0, 0, 14, 14);
            chart.plotting_area().draw(&rect)?;
            bottom += value;
        }
        let label = unit.show(bar.total());
        chart.plotting_area().draw(&Text::new(
            label,
            (SegmentValue::CenterOf(x), bar.total() + top * 0.02),
            (FAMILY, 14)
                .into_font()
                .color(&BLACK)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Bottom,
                )),
        ))?;
    }
    if spec.bars.is_empty() {
        root.draw(&Text::new(
            "no data yet",
            (i32::try_from(SIZE.0 / 2 - 40).unwrap_or(0), 190),
            (FAMILY, 18).into_font().color(&RGBColor(120, 120, 120)),
        ))?;
    }
    root.present()?;
    Ok(())
}

fn short(label: &str) -> String {
    if label.chars().count() <= 11 {
        return label.to_owned();
    }
    format!("{}…", label.chars().take(10).collect::<String>())
}

/// The four charts of a report for the day ending at `as_of`.
pub fn chart_specs(data: &ReportData, as_of: Timestamp) -> Vec<ChartSpec> {
    vec![
        projects_chart(data),
        activity_chart(data, as_of),
        insights_chart(data),
        tools_chart(data),
    ]
}

fn projects_chart(data: &ReportData) -> ChartSpec {
    let colours = [BLUE, PURPLE, GREEN, GREY];
    let bars = STATUSES
        .iter()
        .zip(colours)
        .map(|(status, colour)| {
            let n = data
                .projects
                .iter()
                .filter(|p| p.status.as_deref() == Some(status))
                .count();
            Bar::one(*status, n as f64, colour)
        })
        .collect();
    ChartSpec {
        name: "projects",
        title: "Projects by status".to_owned(),
        caption: "Projects by status".to_owned(),
        bars,
        unit: Unit::Count,
    }
}

fn activity_chart(data: &ReportData, as_of: Timestamp) -> ChartSpec {
    let last = as_of.to_zoned_datetime(TimeZone::UTC).date();
    let mut bars = Vec::new();
    for back in (0..7).rev() {
        let Ok(day) = last.checked_sub(back.days()) else {
            continue;
        };
        let of_day: Vec<_> = data
            .activities
            .iter()
            .filter(|a| {
                a.timestamp
                    .is_some_and(|t| t <= as_of && t.to_zoned_datetime(TimeZone::UTC).date() == day)
            })
            .collect();
        let count = |s: &str| {
            of_day
                .iter()
                .filter(|a| a.status.as_deref() == Some(s))
                .count()
        };
        let other = of_day.len() - count("Success") - count("Failed");
        bars.push(Bar {
            label: day.strftime("%a %d").to_string(),
            segments: vec![
                (count("Success") as f64, GREEN),
                (other as f64, BLUE),
                (count("Failed") as f64, RED),
            ],
        });
    }
    ChartSpec {
        name: "activity",
        title: "Development activity, last 7 days".to_owned(),
        caption: "Development activity per day, last 7 days (green: success, blue: in progress, red: failed)"
            .to_owned(),
        bars,
        unit: Unit::Count,
    }
}

fn insights_chart(data: &ReportData) -> ChartSpec {
    let colour = |status: Option<&str>| match status {
        Some("Critical") => RED,
        Some("Warning") => AMBER,
        _ => GREEN,
    };
    let mut insights: Vec<_> = data
        .insights
        .iter()
        .filter(|i| i.threshold.is_some_and(|t| t > 0.0) && i.current_value.is_some())
        .collect();
    insights.sort_by_key(|i| {
        (
            SEVERITIES
                .iter()
                .position(|s| i.status.as_deref() == Some(s))
                .unwrap_or(SEVERITIES.len()),
            i.metric.clone(),
        )
    });
    let bars = insights
        .iter()
        .take(10)
        .map(|i| {
            let share = i.current_value.unwrap_or(0.0) / i.threshold.unwrap_or(1.0) * 100.0;
            Bar::one(&i.metric, share.max(0.0), colour(i.status.as_deref()))
        })
        .collect();
    ChartSpec {
        name: "insights",
        title: "Metrics as % of their threshold".to_owned(),
        caption: "Operational metrics as a percentage of their threshold (red: critical, amber: warning, green: normal)"
            .to_owned(),
        bars,
        unit: Unit::Percent,
    }
}

fn tools_chart(data: &ReportData) -> ChartSpec {
    let mut tools: Vec<_> = data.tools.iter().collect();
    tools.sort_by(|a, b| a.tool_name.cmp(&b.tool_name));
    let bars = tools
        .iter()
        .map(|t| {
            let colour = match t.health_status.as_deref() {
                Some("Error") => RED,
                Some("Warning") => AMBER,
                _ => PURPLE,
            };
            Bar::one(&t.tool_name, t.cost.unwrap_or(0.0), colour)
        })
        .collect();
    ChartSpec {
        name: "tools",
        title: "AI spend this month (USD)".to_owned(),
        caption: "AI tools: cost this month in USD, per tool".to_owned(),
        bars,
        unit: Unit::Dollars,
    }
}
