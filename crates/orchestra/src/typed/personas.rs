//! The persona knowledge bases: Cherry, Sophia and Karen.

use jiff::civil::Date;

use super::{Row, date, ids, text};
use crate::record::Record;

/// A row of Cherry (Personal Assistant).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CherryTopic {
    /// Topic (title).
    pub topic: String,
    /// Calendar, Tasks, Personal, Preferences.
    pub category: Vec<String>,
    /// Detailed information.
    pub content: Option<String>,
    /// User Input, Learned, System.
    pub source: Option<String>,
    /// 0-100 % accuracy.
    pub confidence: Option<f64>,
    /// When the information was updated.
    pub last_updated: Option<Date>,
    /// Public, Private, System.
    pub access_level: Option<String>,
}

impl Row for CherryTopic {
    const DATABASE: &'static str = "cherry";

    fn key(&self) -> &str {
        &self.topic
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.topic)
            .set("Topic", self.topic.as_str())
            .set_opt("Category", ids(&self.category))
            .set_opt("Content", self.content.clone())
            .set_opt("Source", self.source.clone())
            .set_opt("Confidence", self.confidence)
            .set_opt("Last Updated", self.last_updated.map(|d| d.to_string()))
            .set_opt("Access Level", self.access_level.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            topic: text(r, "Topic").unwrap_or_default(),
            category: r.list("Category"),
            content: text(r, "Content"),
            source: text(r, "Source"),
            confidence: r.number("Confidence"),
            last_updated: date(r, "Last Updated"),
            access_level: text(r, "Access Level"),
        }
    }
}

/// A row of Sophia (Financial Advisor).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SophiaAsset {
    /// Asset/Topic (title).
    pub asset: String,
    /// Stock, Crypto, Strategy, Market Analysis.
    pub asset_type: Option<String>,
    /// Latest price or value.
    pub current_value: Option<f64>,
    /// % change (5.2 means +5.2 %).
    pub performance: Option<f64>,
    /// Low, Medium, High.
    pub risk_level: Option<String>,
    /// Expert insights.
    pub analysis: Option<String>,
    /// When analysed.
    pub last_analysis: Option<Date>,
    /// Action items.
    pub recommendations: Option<String>,
}

impl Row for SophiaAsset {
    const DATABASE: &'static str = "sophia";

    fn key(&self) -> &str {
        &self.asset
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.asset)
            .set("Asset/Topic", self.asset.as_str())
            .set_opt("Type", self.asset_type.clone())
            .set_opt("Current Value", self.current_value)
            .set_opt("Performance", self.performance)
            .set_opt("Risk Level", self.risk_level.clone())
            .set_opt("Analysis", self.analysis.clone())
            .set_opt("Last Analysis", self.last_analysis.map(|d| d.to_string()))
            .set_opt("Recommendations", self.recommendations.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            asset: text(r, "Asset/Topic").unwrap_or_default(),
            asset_type: text(r, "Type"),
            current_value: r.number("Current Value"),
            performance: r.number("Performance"),
            risk_level: text(r, "Risk Level"),
            analysis: text(r, "Analysis"),
            last_analysis: date(r, "Last Analysis"),
            recommendations: text(r, "Recommendations"),
        }
    }
}

/// A row of Karen (Medical Consultant).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KarenTopic {
    /// Medical Topic (title).
    pub topic: String,
    /// Symptoms, Treatments, Research, Guidelines.
    pub category: Option<String>,
    /// High, Moderate, Low.
    pub evidence_level: Option<String>,
    /// Medical reference (URL).
    pub source: Option<String>,
    /// Key information.
    pub summary: Option<String>,
    /// Relevant warnings.
    pub contraindications: Vec<String>,
    /// Medical review date.
    pub last_reviewed: Option<Date>,
    /// Expert annotations.
    pub professional_notes: Option<String>,
}

impl Row for KarenTopic {
    const DATABASE: &'static str = "karen";

    fn key(&self) -> &str {
        &self.topic
    }

    fn to_record(&self) -> Record {
        Record::keyed(&self.topic)
            .set("Medical Topic", self.topic.as_str())
            .set_opt("Category", self.category.clone())
            .set_opt("Evidence Level", self.evidence_level.clone())
            .set_opt("Source", self.source.clone())
            .set_opt("Summary", self.summary.clone())
            .set_opt("Contraindications", ids(&self.contraindications))
            .set_opt("Last Reviewed", self.last_reviewed.map(|d| d.to_string()))
            .set_opt("Professional Notes", self.professional_notes.clone())
    }

    fn from_record(r: &Record) -> Self {
        Self {
            topic: text(r, "Medical Topic").unwrap_or_default(),
            category: text(r, "Category"),
            evidence_level: text(r, "Evidence Level"),
            source: text(r, "Source"),
            summary: text(r, "Summary"),
            contraindications: r.list("Contraindications"),
            last_reviewed: date(r, "Last Reviewed"),
            professional_notes: text(r, "Professional Notes"),
        }
    }
}
