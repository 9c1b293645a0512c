//! Trend from the stored history: the recent mean against the one before it.

use super::level::Rule;
use crate::config::Direction;

/// The Trend of an insight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Getting better.
    Improving,
    /// No change beyond the tolerance.
    Stable,
    /// Getting worse.
    Degrading,
}

impl Trend {
    /// The select option.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Improving => "Improving",
            Self::Stable => "Stable",
            Self::Degrading => "Degrading",
        }
    }
}

/// Relative change below which a metric is Stable (5 %).
pub const TOLERANCE: f64 = 0.05;

/// Values compared on each side (at most).
const WINDOW: usize = 3;

/// The trend of `values` (oldest first): the mean of the last `k` values against the
/// mean of the `k` before them, `k = min(3, n / 2)`. Stable with fewer than two values
/// or a change within the tolerance: [`TOLERANCE`] of the larger mean, at most a quarter
/// of the gap between the rule's warning and critical levels (so 99.8 -> 99.0 % uptime
/// with levels 99.5 / 99 is Degrading). The rule's direction says which way is worse.
pub fn trend(values: &[f64], rule: &Rule) -> Trend {
    let k = WINDOW.min(values.len() / 2);
    if k == 0 {
        return Trend::Stable;
    }
    let n = values.len();
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let recent = mean(&values[n - k..]);
    let previous = mean(&values[n - 2 * k..n - k]);
    let delta = recent - previous;
    let mut tolerance = TOLERANCE * recent.abs().max(previous.abs());
    if let (Some(w), Some(c)) = (rule.warning, rule.critical)
        && (w - c).abs() > 0.0
    {
        tolerance = tolerance.min((w - c).abs() / 4.0);
    }
    let tolerance = tolerance.max(1e-9);
    if delta.abs() <= tolerance {
        return Trend::Stable;
    }
    let worse = match rule.direction {
        Direction::LowerIsWorse => delta < 0.0,
        _ => delta > 0.0,
    };
    if worse {
        Trend::Degrading
    } else {
        Trend::Improving
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trends() {
        let higher = Rule::default();
        let lower = Rule {
            direction: Direction::LowerIsWorse,
            ..Rule::default()
        };
        let up = [10.0, 11.0, 10.0, 30.0, 31.0, 32.0];
        assert_eq!(trend(&up, &higher), Trend::Degrading);
        assert_eq!(trend(&up, &lower), Trend::Improving);
        assert_eq!(trend(&[50.0, 50.5, 50.2, 50.1], &higher), Trend::Stable);
        assert_eq!(trend(&[1.0], &higher), Trend::Stable);
        assert_eq!(trend(&[90.0, 40.0], &higher), Trend::Improving);
    }

    #[test]
    fn the_gap_between_levels_caps_the_tolerance() {
        let uptime = [99.9, 99.8, 99.7, 99.4, 99.2, 98.5];
        let no_levels = Rule {
            direction: Direction::LowerIsWorse,
            ..Rule::default()
        };
        assert_eq!(trend(&uptime, &no_levels), Trend::Stable, "within 5 %");
        let levels = Rule {
            warning: Some(99.5),
            critical: Some(99.0),
            direction: Direction::LowerIsWorse,
        };
        assert_eq!(trend(&uptime, &levels), Trend::Degrading);
    }
}
