//! YAML front matter (`---` ... `---` at the very top of a document).

use serde_json::{Map, Value};

/// Front matter found at the top of a Markdown document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct FrontMatter {
    /// The YAML text between the fences, verbatim (line endings normalised to `\n`).
    pub raw: String,
    /// A best-effort reading of flat `key: value` lines: strings (quoted or not), numbers,
    /// booleans, `null`, and inline lists `[a, b]`. Nested YAML is only in [`FrontMatter::raw`].
    pub fields: Map<String, Value>,
}

/// Splits front matter off `md`: returns it and the rest of the document.
pub(crate) fn split_front_matter(md: &str) -> (Option<FrontMatter>, &str) {
    let Some(rest) = md
        .strip_prefix("---\n")
        .or_else(|| md.strip_prefix("---\r\n"))
    else {
        return (None, md);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed == "---" || trimmed == "..." {
            let raw = rest[..offset].replace("\r\n", "\n");
            let body = &rest[offset + line.len()..];
            let fields = parse_fields(&raw);
            return (Some(FrontMatter { raw, fields }), body);
        }
        offset += line.len();
    }
    (None, md)
}

fn parse_fields(raw: &str) -> Map<String, Value> {
    let mut fields = Map::new();
    for line in raw.lines() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        if key.is_empty() {
            continue;
        }
        fields.insert(unquote(key).to_owned(), scalar_or_list(value.trim()));
    }
    fields
}

fn scalar_or_list(value: &str) -> Value {
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let items = inner
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(scalar)
            .collect();
        return Value::Array(items);
    }
    scalar(value)
}

fn scalar(value: &str) -> Value {
    match value {
        "" | "~" | "null" => Value::Null,
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => {
            if let Ok(n) = value.parse::<i64>() {
                return Value::from(n);
            }
            if let Ok(f) = value.parse::<f64>()
                && let Some(n) = serde_json::Number::from_f64(f)
            {
                return Value::Number(n);
            }
            Value::String(unquote(value).to_owned())
        }
    }
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_flat_fields_and_keeps_raw() {
        let md = "---\ntitle: \"Hello\"\ntags: [a, b]\ndraft: true\nn: 3\n---\n# Body\n";
        let (fm, rest) = split_front_matter(md);
        let fm = fm.unwrap();
        assert_eq!(rest, "# Body\n");
        assert_eq!(
            fm.raw,
            "title: \"Hello\"\ntags: [a, b]\ndraft: true\nn: 3\n"
        );
        assert_eq!(
            Value::Object(fm.fields),
            json!({"title": "Hello", "tags": ["a", "b"], "draft": true, "n": 3})
        );
    }

    #[test]
    fn no_closing_fence_means_no_front_matter() {
        let (fm, rest) = split_front_matter("---\ntitle: x\n");
        assert!(fm.is_none());
        assert_eq!(rest, "---\ntitle: x\n");
    }
}
