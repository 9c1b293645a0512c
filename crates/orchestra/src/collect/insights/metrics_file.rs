//! Custom metrics: a JSON list of `{metric, value, category?, threshold?}` or Prometheus text.

use std::path::Path;

use super::measurement::Measurement;
use super::prometheus::parse_prometheus;
use crate::error::{Error, Result};

/// Reads a metrics file: JSON when it starts with `[` (or has a `.json` extension),
/// Prometheus text otherwise. Returns the measurements and warnings about skipped lines.
///
/// # Errors
/// [`Error::Io`] when unreadable, [`Error::Records`] for JSON that is not a list of metrics.
pub fn read_metrics(path: &Path) -> Result<(Vec<Measurement>, Vec<String>)> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let is_json =
        path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('[');
    if !is_json {
        let (samples, warnings) = parse_prometheus(&text);
        let warnings = warnings
            .into_iter()
            .map(|w| format!("{}: {w}", path.display()))
            .collect();
        return Ok((samples, warnings));
    }
    let metrics: Vec<Measurement> = serde_json::from_str(&text).map_err(|e| Error::Records {
        path: path.to_owned(),
        message: format!("expected a list of {{metric, value, category?, threshold?}}: {e}"),
    })?;
    let mut warnings = Vec::new();
    let metrics = metrics
        .into_iter()
        .enumerate()
        .filter(|(i, m)| {
            let ok = m.value.is_finite() && !m.metric.trim().is_empty();
            if !ok {
                warnings.push(format!(
                    "{}: metric {}: needs a name and a finite value; skipped",
                    path.display(),
                    i + 1
                ));
            }
            ok
        })
        .map(|(_, m)| m)
        .collect();
    Ok((metrics, warnings))
}
