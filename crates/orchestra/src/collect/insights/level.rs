//! Status from thresholds: Normal, Warning or Critical.

use crate::config::{Direction, Threshold};

/// The Status of an insight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Within limits.
    Normal,
    /// Past the warning level.
    Warning,
    /// Past the critical level (alerts are sent).
    Critical,
}

impl Level {
    /// The select option.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Normal => "Normal",
            Self::Warning => "Warning",
            Self::Critical => "Critical",
        }
    }
}

/// Warning and critical levels and which way is worse.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rule {
    /// Warning level.
    pub warning: Option<f64>,
    /// Critical level.
    pub critical: Option<f64>,
    /// Which way is worse.
    pub direction: Direction,
}

impl From<&Threshold> for Rule {
    fn from(t: &Threshold) -> Self {
        Self {
            warning: t.warning,
            critical: t.critical,
            direction: t.direction,
        }
    }
}

impl Rule {
    /// Higher is worse, with both levels.
    pub fn higher(warning: f64, critical: f64) -> Self {
        Self {
            warning: Some(warning),
            critical: Some(critical),
            direction: Direction::HigherIsWorse,
        }
    }

    fn crossed(&self, value: f64, level: Option<f64>) -> bool {
        level.is_some_and(|level| match self.direction {
            Direction::LowerIsWorse => value <= level,
            _ => value >= level,
        })
    }

    /// The level of `value` (reaching a level counts as crossing it).
    pub fn level(&self, value: f64) -> Level {
        if self.crossed(value, self.critical) {
            Level::Critical
        } else if self.crossed(value, self.warning) {
            Level::Warning
        } else {
            Level::Normal
        }
    }

    /// The alert threshold shown in the row: the warning level, else the critical one.
    pub fn threshold(&self) -> Option<f64> {
        self.warning.or(self.critical)
    }

    /// What to do when `value` is past a level; `None` when Normal.
    pub fn action(&self, metric: &str, value: f64) -> Option<String> {
        let (name, level, advice) = match self.level(value) {
            Level::Normal => return None,
            Level::Warning => ("warning", self.warning?, "investigate"),
            Level::Critical => ("critical", self.critical?, "act now"),
        };
        let side = match self.direction {
            Direction::LowerIsWorse => "at or below",
            _ => "at or above",
        };
        Some(format!(
            "{metric} is {}, {side} the {name} level {}: {advice}",
            short(value),
            short(level)
        ))
    }
}

/// A number without float noise (3 decimals at most).
pub(crate) fn short(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_in_both_directions() {
        let higher = Rule::higher(80.0, 95.0);
        assert_eq!(higher.level(50.0), Level::Normal);
        assert_eq!(higher.level(80.0), Level::Warning);
        assert_eq!(higher.level(99.0), Level::Critical);
        let lower = Rule {
            warning: Some(99.5),
            critical: Some(99.0),
            direction: Direction::LowerIsWorse,
        };
        assert_eq!(lower.level(99.9), Level::Normal);
        assert_eq!(lower.level(99.2), Level::Warning);
        assert_eq!(lower.level(98.0), Level::Critical);
        assert_eq!(
            lower.action("Uptime", 98.0).as_deref(),
            Some("Uptime is 98, at or below the critical level 99: act now")
        );
        assert_eq!(higher.action("CPU", 10.0), None);
    }
}
