//! The usage ledger: JSON Lines the orchestration system appends to, one call or batch
//! per line: `{"time": RFC 3339, "provider": "OpenAI", "tool": "gpt-4o", "tokens": n,
//! "calls": n, "cost": usd}` (`tool`, `tokens`, `calls` and `cost` optional).

use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use crate::error::{Error, Result};

/// One ledger line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LedgerEntry {
    /// When.
    pub time: Timestamp,
    /// The provider, as `[[providers]] name` spells it (case-insensitive).
    pub provider: String,
    /// The model or tool.
    #[serde(default)]
    pub tool: Option<String>,
    /// Tokens used.
    #[serde(default)]
    pub tokens: Option<f64>,
    /// API calls made.
    #[serde(default)]
    pub calls: Option<f64>,
    /// Cost in US dollars.
    #[serde(default)]
    pub cost: Option<f64>,
}

impl LedgerEntry {
    /// The usage this line counts: its tokens, else its calls, else one call.
    pub fn usage(&self) -> f64 {
        self.tokens.or(self.calls).unwrap_or(1.0)
    }
}

/// Reads the ledger; malformed lines are skipped and reported by line number.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read.
pub fn read_ledger(path: &Path) -> Result<(Vec<LedgerEntry>, Vec<String>)> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let (entries, warnings) = parse_ledger(&text);
    let warnings = warnings
        .into_iter()
        .map(|w| format!("{}: {w}", path.display()))
        .collect();
    Ok((entries, warnings))
}

/// Parses ledger text; blank lines are ignored, bad lines become warnings.
pub fn parse_ledger(text: &str) -> (Vec<LedgerEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<LedgerEntry>(line) {
            Ok(entry) if entry.usage().is_finite() && entry.cost.is_none_or(f64::is_finite) => {
                entries.push(entry);
            }
            Ok(_) => warnings.push(format!("line {}: numbers must be finite; skipped", i + 1)),
            Err(e) => warnings.push(format!("line {}: {e}; skipped", i + 1)),
        }
    }
    (entries, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_prefers_tokens_then_calls() {
        let (entries, warnings) = parse_ledger(
            "{\"time\":\"2026-05-01T00:00:00Z\",\"provider\":\"OpenAI\",\"tokens\":100,\"calls\":2}\n\
             {\"time\":\"2026-05-01T00:00:00Z\",\"provider\":\"OpenAI\",\"calls\":2}\n\
             {\"time\":\"2026-05-01T00:00:00Z\",\"provider\":\"OpenAI\"}\n\
             \n\
             {\"time\":\"yesterday\",\"provider\":\"OpenAI\"}\n",
        );
        let usage: Vec<f64> = entries.iter().map(LedgerEntry::usage).collect();
        assert_eq!(usage, vec![100.0, 2.0, 1.0]);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("line 5:"), "{warnings:?}");
    }
}
