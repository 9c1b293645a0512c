//! Splitting a filter into tokens, each with its byte offset.

use super::error::FilterError;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A bare word: a keyword, part of a property name or part of a value.
    Word(String),
    /// `"..."` or `'...'`: a property name or a value, taken literally.
    Quoted(String),
    /// `` `...` ``: a property name.
    Backticked(String),
    /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
    Symbol(&'static str),
    /// `(`.
    Open,
    /// `)`.
    Close,
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: TokenKind,
    /// Byte offset in the input.
    pub(crate) at: usize,
}

impl Token {
    /// The bare word, lowercased, if this is one.
    pub(crate) fn keyword(&self) -> Option<String> {
        match &self.kind {
            TokenKind::Word(w) => Some(w.to_ascii_lowercase()),
            _ => None,
        }
    }

    /// How the token reads in messages.
    pub(crate) fn describe(&self) -> String {
        match &self.kind {
            TokenKind::Word(w) => format!("`{w}`"),
            TokenKind::Quoted(q) => format!("{q:?}"),
            TokenKind::Backticked(b) => format!("`{b}`"),
            TokenKind::Symbol(s) => format!("`{s}`"),
            TokenKind::Open => "`(`".to_owned(),
            TokenKind::Close => "`)`".to_owned(),
        }
    }
}

const SYMBOLS: [&str; 6] = ["!=", "<=", ">=", "=", "<", ">"];

/// Tokenizes `input`.
pub(crate) fn tokenize(input: &str) -> Result<Vec<Token>, FilterError> {
    let mut tokens = Vec::new();
    let mut rest = input.char_indices().peekable();
    while let Some(&(at, c)) = rest.peek() {
        if c.is_whitespace() {
            rest.next();
            continue;
        }
        if c == '(' || c == ')' {
            rest.next();
            let kind = if c == '(' {
                TokenKind::Open
            } else {
                TokenKind::Close
            };
            tokens.push(Token { kind, at });
            continue;
        }
        if let Some(symbol) = SYMBOLS.iter().find(|s| input[at..].starts_with(**s)) {
            for _ in 0..symbol.len() {
                rest.next();
            }
            tokens.push(Token {
                kind: TokenKind::Symbol(symbol),
                at,
            });
            continue;
        }
        if c == '!' {
            return Err(FilterError::at(input, at, "expected `!=` after `!`"));
        }
        if c == '"' || c == '\'' || c == '`' {
            rest.next();
            let mut text = String::new();
            let mut closed = false;
            while let Some((_, ch)) = rest.next() {
                if ch == '\\' && c != '`' {
                    if let Some((_, escaped)) = rest.next() {
                        text.push(escaped);
                    }
                    continue;
                }
                if ch == c {
                    closed = true;
                    break;
                }
                text.push(ch);
            }
            if !closed {
                return Err(FilterError::at(
                    input,
                    at,
                    format!("this {c} is never closed; add a closing {c}"),
                ));
            }
            let kind = if c == '`' {
                TokenKind::Backticked(text)
            } else {
                TokenKind::Quoted(text)
            };
            tokens.push(Token { kind, at });
            continue;
        }
        let mut word = String::new();
        while let Some(&(i, ch)) = rest.peek() {
            let symbol = SYMBOLS.iter().any(|s| input[i..].starts_with(*s));
            if ch.is_whitespace() || ch == '(' || ch == ')' || ch == '"' || ch == '`' || symbol {
                break;
            }
            word.push(ch);
            rest.next();
        }
        tokens.push(Token {
            kind: TokenKind::Word(word),
            at,
        });
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<TokenKind> {
        tokenize(input)
            .expect("tokens")
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn words_symbols_and_quotes() {
        assert_eq!(
            kinds(r#"`Due Date`<=2026-06-01 and (Status != "In \"Progress\"")"#),
            vec![
                TokenKind::Backticked("Due Date".into()),
                TokenKind::Symbol("<="),
                TokenKind::Word("2026-06-01".into()),
                TokenKind::Word("and".into()),
                TokenKind::Open,
                TokenKind::Word("Status".into()),
                TokenKind::Symbol("!="),
                TokenKind::Quoted("In \"Progress\"".into()),
                TokenKind::Close,
            ]
        );
    }

    #[test]
    fn offsets_are_bytes() {
        let tokens = tokenize("Név = é").expect("tokens");
        assert_eq!(
            tokens.iter().map(|t| t.at).collect::<Vec<_>>(),
            vec![0, 5, 7]
        );
    }

    #[test]
    fn unclosed_quote_names_its_column() {
        let err = tokenize(r#"Name = "abc"#).expect_err("unclosed");
        assert_eq!(err.column, 8);
    }
}
