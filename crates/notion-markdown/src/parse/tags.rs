//! A small tokenizer for the HTML-like tags of Notion's enhanced Markdown.

/// One attribute, value with entities decoded.
pub(crate) type Attr<'a> = (&'a str, String);

/// An opening (or self-closing) tag.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OpenTag<'a> {
    pub(crate) name: &'a str,
    pub(crate) attrs: Vec<Attr<'a>>,
    pub(crate) self_closing: bool,
}

impl OpenTag<'_> {
    /// The value of attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A piece of raw HTML-ish text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    Open(OpenTag<'a>, &'a str),
    Close(&'a str, &'a str),
    Comment(&'a str),
    Text(&'a str),
}

/// Splits `input` into tags, comments and text. Malformed tags stay text.
pub(crate) fn tokenize(input: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut pos = 0;
    let bytes = input.as_bytes();
    while pos < bytes.len() {
        if bytes[pos] != b'<' {
            pos += 1;
            continue;
        }
        let parsed = parse_at(input, pos);
        match parsed {
            Some((token, end)) => {
                if text_start < pos {
                    tokens.push(Token::Text(&input[text_start..pos]));
                }
                tokens.push(token);
                pos = end;
                text_start = end;
            }
            None => pos += 1,
        }
    }
    if text_start < input.len() {
        tokens.push(Token::Text(&input[text_start..]));
    }
    tokens
}

/// Parses one tag or comment starting at `start` (which holds `<`).
pub(crate) fn parse_at(input: &str, start: usize) -> Option<(Token<'_>, usize)> {
    let rest = &input[start..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->")?;
        return Some((Token::Comment(&body[..end]), start + 4 + end + 3));
    }
    if let Some(body) = rest.strip_prefix("</") {
        let name_len = name_len(body);
        if name_len == 0 {
            return None;
        }
        let after = &body[name_len..];
        let trimmed = after.trim_start();
        if !trimmed.starts_with('>') {
            return None;
        }
        let end = start + 2 + name_len + (after.len() - trimmed.len()) + 1;
        return Some((Token::Close(&body[..name_len], &input[start..end]), end));
    }
    let body = &rest[1..];
    let name_len = name_len(body);
    if name_len == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let name = &body[..name_len];
    let mut attrs = Vec::new();
    let mut i = 1 + name_len;
    let bytes = rest.as_bytes();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                let end = start + i + 1;
                let tag = OpenTag {
                    name,
                    attrs,
                    self_closing: false,
                };
                return Some((Token::Open(tag, &input[start..end]), end));
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                let end = start + i + 2;
                let tag = OpenTag {
                    name,
                    attrs,
                    self_closing: true,
                };
                return Some((Token::Open(tag, &input[start..end]), end));
            }
            _ => {}
        }
        let key_len = name_len_at(rest, i);
        if key_len == 0 {
            return None;
        }
        let key = &rest[i..i + key_len];
        i += key_len;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            attrs.push((key, String::new()));
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = *bytes.get(i)?;
        let value = if quote == b'"' || quote == b'\'' {
            let close = rest[i + 1..].find(quote as char)?;
            let value = &rest[i + 1..i + 1 + close];
            i += close + 2;
            value
        } else {
            let len = rest[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len() - i);
            let value = &rest[i..i + len];
            i += len;
            value
        };
        attrs.push((key, decode_entities(value)));
    }
}

fn name_len(s: &str) -> usize {
    name_len_at(s, 0)
}

fn name_len_at(s: &str, from: usize) -> usize {
    s.as_bytes()[from..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_' || **b == b':')
        .count()
}

/// Decodes the entities written by [`escape_attr`] and numeric ones.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(ch) => {
                out.push(ch);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes text for an attribute value or a plain-text tag body.
pub(crate) fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_tags_text_and_comments() {
        let tokens =
            tokenize("<callout icon=\"💡\" color='red'>\nhi <b>x</b>\n<!-- c --></callout><toc/>");
        let Token::Open(tag, _) = &tokens[0] else {
            panic!("{tokens:?}")
        };
        assert_eq!(tag.name, "callout");
        assert_eq!(tag.attr("icon"), Some("💡"));
        assert_eq!(tag.attr("color"), Some("red"));
        assert_eq!(tokens[1], Token::Text("\nhi "));
        assert!(matches!(tokens[2], Token::Open(..)));
        assert_eq!(tokens[5], Token::Text("\n"));
        assert_eq!(tokens[6], Token::Comment(" c "));
        assert!(matches!(tokens[7], Token::Close("callout", _)));
        assert!(matches!(&tokens[8], Token::Open(t, _) if t.self_closing && t.name == "toc"));
    }

    #[test]
    fn entities_round_trip() {
        let raw = "a & b < \"c\" >\nd";
        assert_eq!(decode_entities(&escape_attr(raw)), raw);
        assert_eq!(decode_entities("&#x1F600;&#65;&bogus;"), "😀A&bogus;");
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(tokenize("a < b"), vec![Token::Text("a < b")]);
    }
}
