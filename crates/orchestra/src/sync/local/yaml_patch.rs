//! Rewriting YAML in place, line by line, so comments and layout survive.
//!
//! Works on the simple layout people write by hand: a list of mappings
//! (`- Name: Alpha` then `  Status: Active` lines) or one mapping (front matter), whose
//! values are scalars, flow lists (`[a, b]`) or indented block lists. Changed values
//! replace their line (a block value becomes one flow line), new properties are added
//! after the last line of their record, removed records lose their lines, new records
//! are appended at the end. Anything else gives `None`, and the caller re-serialises.
//! Inline comments after a changed value are dropped with it.

use serde_json::{Map, Value};

/// Where the mappings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `- key: value` items of a top-level list.
    List,
    /// One top-level mapping.
    Mapping,
}

impl Layout {
    fn entry_indent(self) -> usize {
        match self {
            Self::List => 2,
            Self::Mapping => 0,
        }
    }
}

/// One `key: value` line and its continuation lines.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    /// The line up to and including the colon.
    head: String,
    first: usize,
    last: usize,
}

/// One mapping: its lines `start..end` and its entries.
#[derive(Debug, Clone)]
struct Block {
    start: usize,
    end: usize,
    entries: Vec<Entry>,
}

/// The change to one mapping.
#[derive(Debug, Clone, Default)]
pub(crate) struct BlockEdit {
    /// New values by key, in the order to add missing keys.
    pub(crate) set: Vec<(String, Value)>,
    /// Drop the whole mapping.
    pub(crate) remove: bool,
}

/// Patches `text`: `edits[i]` applies to the i-th mapping, `appended` are new mappings
/// (list layout only). `None` when the text is not in the simple layout.
pub(crate) fn patch(
    text: &str,
    layout: Layout,
    edits: &[BlockEdit],
    appended: &[Map<String, Value>],
) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let blocks = parse_blocks(&lines, layout)?;
    if edits.len() > blocks.len() || (layout == Layout::Mapping && !appended.is_empty()) {
        return None;
    }
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let mut dropped = vec![false; out.len()];
    let mut inserts: Vec<(usize, Vec<String>)> = Vec::new();
    let pad = " ".repeat(layout.entry_indent());
    for (block, edit) in blocks.iter().zip(edits) {
        if edit.remove {
            dropped[block.start..block.end]
                .iter_mut()
                .for_each(|d| *d = true);
            continue;
        }
        let mut added = Vec::new();
        for (key, value) in &edit.set {
            let rendered = flow_value(value, false);
            match block.entries.iter().find(|e| &e.key == key) {
                Some(entry) => {
                    out[entry.first] = format!("{} {rendered}", entry.head);
                    dropped[entry.first + 1..=entry.last]
                        .iter_mut()
                        .for_each(|d| *d = true);
                }
                None => added.push(format!("{pad}{}: {rendered}", key_text(key))),
            }
        }
        if !added.is_empty() {
            let after = block.entries.last().map_or(block.start, |e| e.last);
            inserts.push((after, added));
        }
    }
    let mut result = Vec::with_capacity(out.len());
    for (i, line) in out.into_iter().enumerate() {
        if !dropped[i] {
            result.push(line);
        }
        for (_, added) in inserts.iter().filter(|(after, _)| *after == i) {
            result.extend(added.iter().cloned());
        }
    }
    for map in appended {
        for (n, (key, value)) in map.iter().enumerate() {
            let lead = if n == 0 { "- " } else { "  " };
            result.push(format!(
                "{lead}{}: {}",
                key_text(key),
                flow_value(value, false)
            ));
        }
    }
    let mut text = result.join("\n");
    text.push('\n');
    Some(text)
}

fn parse_blocks(lines: &[&str], layout: Layout) -> Option<Vec<Block>> {
    let mut blocks: Vec<Block> = Vec::new();
    if layout == Layout::Mapping {
        blocks.push(Block {
            start: 0,
            end: lines.len(),
            entries: Vec::new(),
        });
    }
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') || (i == 0 && trimmed == "---") {
            continue;
        }
        if layout == Layout::List && indent == 0 {
            let item = trimmed.strip_prefix("- ")?;
            if let Some(open) = blocks.last_mut() {
                open.end = i;
            }
            let (key, head_len) = split_key(item)?;
            blocks.push(Block {
                start: i,
                end: lines.len(),
                entries: vec![Entry {
                    key,
                    head: line[..2 + head_len].to_owned(),
                    first: i,
                    last: i,
                }],
            });
        } else if indent == layout.entry_indent() {
            let block = blocks.last_mut()?;
            let (key, head_len) = split_key(trimmed)?;
            block.entries.push(Entry {
                key,
                head: line[..indent + head_len].to_owned(),
                first: i,
                last: i,
            });
        } else if indent > layout.entry_indent() {
            let entry = blocks.last_mut()?.entries.last_mut()?;
            entry.last = i;
        } else {
            return None;
        }
    }
    Some(blocks)
}

/// The key of a `key: value` line and the byte length up to and including the colon.
fn split_key(line: &str) -> Option<(String, usize)> {
    if let Some(quote) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = line[1..].find(quote)? + 1;
        let rest = &line[close + 1..];
        if !(rest.starts_with(": ") || rest == ":") {
            return None;
        }
        return Some((line[1..close].to_owned(), close + 2));
    }
    let colon = line
        .find(": ")
        .or_else(|| line.ends_with(':').then(|| line.len() - 1))?;
    let key = line[..colon].trim_end();
    if key.is_empty() || key.starts_with(['-', '[', '{', '&', '*', '!', '|', '>', '%', '@']) {
        return None;
    }
    Some((key.to_owned(), colon + 1))
}

fn key_text(key: &str) -> String {
    if is_plain(key, true) {
        key.to_owned()
    } else {
        serde_json::to_string(key).unwrap_or_default()
    }
}

/// One value on one line: a scalar, a flow list, or JSON for maps.
pub(crate) fn flow_value(value: &Value, in_flow: bool) -> String {
    match value {
        Value::String(s) if is_plain(s, in_flow) => s.clone(),
        Value::String(s) => serde_json::to_string(s).unwrap_or_default(),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|item| flow_value(item, true))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// True when `s` reads back from YAML as the same string without quotes.
fn is_plain(s: &str, in_flow: bool) -> bool {
    if s.is_empty() || s.trim() != s || s.contains(['\n', '\r', '\t', '#']) || s.contains(": ") {
        return false;
    }
    if in_flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    if s.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
    ]) || s.ends_with(':')
    {
        return false;
    }
    matches!(serde_norway::from_str::<Value>(s), Ok(Value::String(back)) if back == s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FILE: &str = "# Projects we run\n- Name: Alpha\n  Status: Active # hot\n  Tags:\n    - a\n    - b\n\n# the old one\n- Name: Beta\n  Progress: 80\n";

    #[test]
    fn changes_values_in_place_and_keeps_comments() {
        let edits = vec![
            BlockEdit {
                set: vec![
                    ("Status".into(), json!("On Hold")),
                    ("Tags".into(), json!(["x", "y, z"])),
                    ("Due Date".into(), json!("2026-06-01")),
                ],
                remove: false,
            },
            BlockEdit {
                set: vec![("Progress".into(), json!(90))],
                remove: false,
            },
        ];
        let appended = vec![json!({"Name": "Gamma: new", "Progress": 5})]
            .into_iter()
            .map(|v| v.as_object().cloned().unwrap_or_default())
            .collect::<Vec<_>>();
        let out = patch(FILE, Layout::List, &edits, &appended).expect("simple layout");
        assert_eq!(
            out,
            "# Projects we run\n- Name: Alpha\n  Status: On Hold\n  Tags: [x, \"y, z\"]\n  Due Date: 2026-06-01\n\n# the old one\n- Name: Beta\n  Progress: 90\n- Name: \"Gamma: new\"\n  Progress: 5\n"
        );
        let back: Value = serde_norway::from_str(&out).expect("valid yaml");
        assert_eq!(back[0]["Tags"], json!(["x", "y, z"]));
        assert_eq!(back[2]["Name"], json!("Gamma: new"));
    }

    #[test]
    fn removes_records_and_refuses_other_layouts() {
        let edits = vec![
            BlockEdit::default(),
            BlockEdit {
                set: vec![],
                remove: true,
            },
        ];
        let out = patch(FILE, Layout::List, &edits, &[]).expect("simple layout");
        assert!(!out.contains("Beta"), "{out}");
        assert!(out.contains("# Projects we run"));
        assert_eq!(patch("items:\n  - Name: A\n", Layout::List, &[], &[]), None);
    }

    #[test]
    fn patches_front_matter() {
        let fm = "# persona notes\nCategory: [Tasks]\nConfidence: 80\n";
        let edits = vec![BlockEdit {
            set: vec![
                ("Confidence".into(), json!(95)),
                ("Source".into(), json!("Learned")),
            ],
            remove: false,
        }];
        let out = patch(fm, Layout::Mapping, &edits, &[]).expect("mapping");
        assert_eq!(
            out,
            "# persona notes\nCategory: [Tasks]\nConfidence: 95\nSource: Learned\n"
        );
    }
}
