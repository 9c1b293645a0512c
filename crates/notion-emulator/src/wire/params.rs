//! Query-string parameters (repeated keys and `key[]` both accepted).

/// Decoded `(key, value)` pairs of a raw query string; `key[]` is reported as `key`.
pub(crate) fn parse(raw: Option<&str>) -> Vec<(String, String)> {
    raw.unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(k);
            let key = key.strip_suffix("[]").map(str::to_owned).unwrap_or(key);
            (key, decode(v))
        })
        .collect()
}

/// The first value of `key`.
pub(crate) fn first<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Every value of `key`.
pub(crate) fn all(params: &[(String, String)], key: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() && u8::from_str_radix(&s[i + 1..i + 3], 16).is_ok() => {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap_or(b'%'));
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_bracketed_keys() {
        let params = parse(Some(
            "filter_properties=a%3Bb&filter_properties[]=title&page_size=5",
        ));
        assert_eq!(all(&params, "filter_properties"), vec!["a;b", "title"]);
        assert_eq!(first(&params, "page_size"), Some("5"));
    }
}
