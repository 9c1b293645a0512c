//! `{{placeholder}}`s: finding and filling them.

use std::collections::BTreeMap;

/// The placeholder names in `text`, in order of first appearance.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = after[..end].trim();
        if is_name(name) && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &after[end + 2..];
    }
    names
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
}

/// `text` with every placeholder that has a value replaced; the names without one are
/// returned too (left as written in the text).
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut missing = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return (out, missing);
        };
        let name = after[..end].trim();
        match values.get(name) {
            Some(value) if is_name(name) => out.push_str(value),
            _ => {
                if is_name(name) && !missing.iter().any(|m| m == name) {
                    missing.push(name.to_owned());
                }
                out.push_str(&rest[start..start + 2 + end + 2]);
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    (out, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_fills() {
        let text = "# {{ name }}\nOwner: {{owner}}, again {{name}}; not {{ a|b }} or {{}}";
        assert_eq!(placeholders(text), vec!["name", "owner"]);
        let values = BTreeMap::from([("name".to_owned(), "Apollo".to_owned())]);
        let (filled, missing) = fill(text, &values);
        assert_eq!(
            filled,
            "# Apollo\nOwner: {{owner}}, again Apollo; not {{ a|b }} or {{}}"
        );
        assert_eq!(missing, vec!["owner"]);
    }

    #[test]
    fn unclosed_braces_stay() {
        let (filled, missing) = fill("a {{b", &BTreeMap::new());
        assert_eq!((filled.as_str(), missing.len()), ("a {{b", 0));
    }
}
