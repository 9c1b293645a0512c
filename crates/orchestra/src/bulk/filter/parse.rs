//! The filter grammar, by recursive descent:
//!
//! ```text
//! filter    := or
//! or        := and ("or" and)*
//! and       := primary ("and" primary)*
//! primary   := "(" or ")" | condition
//! condition := property operator value?
//! ```
//!
//! `and` binds tighter than `or`. A property is a quoted or backticked name, or bare words
//! up to the operator; a value is a quoted text or bare words up to `and`, `or`, `)` or the end.

use super::error::FilterError;
use super::lex::{Token, TokenKind, tokenize};

/// Notion nests compound filters at most two levels deep.
pub(crate) const MAX_DEPTH: usize = 2;

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `=`, `is`, `on`.
    Equals,
    /// `!=`, `is not`.
    NotEquals,
    /// `<`.
    Less,
    /// `<=`.
    LessOrEqual,
    /// `>`.
    Greater,
    /// `>=`.
    GreaterOrEqual,
    /// `contains`.
    Contains,
    /// `does not contain`.
    DoesNotContain,
    /// `starts with`.
    StartsWith,
    /// `ends with`.
    EndsWith,
    /// `is empty`.
    IsEmpty,
    /// `is not empty`.
    IsNotEmpty,
    /// `before`.
    Before,
    /// `after`.
    After,
    /// `on or before`.
    OnOrBefore,
    /// `on or after`.
    OnOrAfter,
}

impl Operator {
    /// How the operator is written.
    pub fn spelling(self) -> &'static str {
        match self {
            Self::Equals => "=",
            Self::NotEquals => "!=",
            Self::Less => "<",
            Self::LessOrEqual => "<=",
            Self::Greater => ">",
            Self::GreaterOrEqual => ">=",
            Self::Contains => "contains",
            Self::DoesNotContain => "does not contain",
            Self::StartsWith => "starts with",
            Self::EndsWith => "ends with",
            Self::IsEmpty => "is empty",
            Self::IsNotEmpty => "is not empty",
            Self::Before => "before",
            Self::After => "after",
            Self::OnOrBefore => "on or before",
            Self::OnOrAfter => "on or after",
        }
    }

    /// True for `is empty` and `is not empty`, which take no value.
    pub fn takes_value(self) -> bool {
        !matches!(self, Self::IsEmpty | Self::IsNotEmpty)
    }
}

/// A value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operand {
    /// The text (quotes removed).
    pub text: String,
    /// True when it was quoted (so never a keyword such as `true` or `today`).
    pub quoted: bool,
    /// Byte offset.
    pub at: usize,
}

/// `property operator value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The property name as written.
    pub property: String,
    /// Byte offset of the name.
    pub property_at: usize,
    /// The comparison.
    pub operator: Operator,
    /// Byte offset of the operator.
    pub operator_at: usize,
    /// The value (`None` for `is empty` / `is not empty`).
    pub value: Option<Operand>,
}

/// A parsed filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// One condition.
    Condition(Condition),
    /// All must hold; the offset is where the group starts.
    And(Vec<Expr>, usize),
    /// One must hold; the offset is where the group starts.
    Or(Vec<Expr>, usize),
}

impl Expr {
    /// Compound levels: 0 for a condition.
    pub fn depth(&self) -> usize {
        match self {
            Self::Condition(_) => 0,
            Self::And(items, _) | Self::Or(items, _) => {
                1 + items.iter().map(Self::depth).max().unwrap_or(0)
            }
        }
    }

    /// Every condition, left to right.
    pub fn conditions(&self) -> Vec<&Condition> {
        match self {
            Self::Condition(c) => vec![c],
            Self::And(items, _) | Self::Or(items, _) => {
                items.iter().flat_map(Self::conditions).collect()
            }
        }
    }
}

/// Parses `input`, checking Notion's nesting limit.
///
/// # Errors
/// [`FilterError`] naming the column and what was expected there.
pub(crate) fn parse(input: &str) -> Result<Expr, FilterError> {
    let tokens = tokenize(input)?;
    if tokens.is_empty() {
        return Err(FilterError::at(
            input,
            0,
            "the filter is empty; expected a condition such as `Status = Active`",
        ));
    }
    let mut parser = Parser {
        input,
        tokens,
        pos: 0,
    };
    let expr = parser.or()?;
    if let Some(token) = parser.peek() {
        let message = if token.kind == TokenKind::Close {
            "this `)` has no matching `(`".to_owned()
        } else {
            format!(
                "expected `and`, `or` or the end, found {}",
                token.describe()
            )
        };
        return Err(FilterError::at(input, token.at, message));
    }
    check_depth(input, &expr, 0)?;
    Ok(expr)
}

fn check_depth(input: &str, expr: &Expr, level: usize) -> Result<(), FilterError> {
    if let Expr::And(items, at) | Expr::Or(items, at) = expr {
        if level + 1 > MAX_DEPTH {
            return Err(FilterError::at(
                input,
                *at,
                format!(
                    "this group nests {} levels deep; Notion allows at most {MAX_DEPTH} levels \
                     of and/or groups: move it up or split the update in two",
                    level + 1
                ),
            ));
        }
        for item in items {
            check_depth(input, item, level + 1)?;
        }
    }
    Ok(())
}

struct Parser<'a> {
    input: &'a str,
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_keyword(&self, offset: usize) -> Option<String> {
        self.tokens.get(self.pos + offset).and_then(Token::keyword)
    }

    fn end_at(&self) -> usize {
        self.input.len()
    }

    fn here(&self) -> usize {
        self.peek().map_or(self.end_at(), |t| t.at)
    }

    fn error(&self, message: impl Into<String>) -> FilterError {
        FilterError::at(self.input, self.here(), message)
    }

    fn found(&self) -> String {
        self.peek()
            .map_or_else(|| "the end".to_owned(), Token::describe)
    }

    fn or(&mut self) -> Result<Expr, FilterError> {
        let at = self.here();
        let mut items = vec![self.and()?];
        while self.peek_keyword(0).as_deref() == Some("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(group(items, at, false))
    }

    fn and(&mut self) -> Result<Expr, FilterError> {
        let at = self.here();
        let mut items = vec![self.primary()?];
        while self.peek_keyword(0).as_deref() == Some("and") {
            self.pos += 1;
            items.push(self.primary()?);
        }
        Ok(group(items, at, true))
    }

    fn primary(&mut self) -> Result<Expr, FilterError> {
        match self.peek() {
            Some(Token {
                kind: TokenKind::Open,
                at,
            }) => {
                let open = *at;
                self.pos += 1;
                let inner = self.or()?;
                match self.peek() {
                    Some(Token {
                        kind: TokenKind::Close,
                        ..
                    }) => {
                        self.pos += 1;
                        Ok(match inner {
                            Expr::And(items, _) => Expr::And(items, open),
                            Expr::Or(items, _) => Expr::Or(items, open),
                            c => c,
                        })
                    }
                    _ => Err(FilterError::at(
                        self.input,
                        open,
                        format!(
                            "this `(` is never closed (found {} where `)` was expected)",
                            self.found()
                        ),
                    )),
                }
            }
            _ => Ok(Expr::Condition(self.condition()?)),
        }
    }

    fn condition(&mut self) -> Result<Condition, FilterError> {
        let (property, property_at) = self.property()?;
        let operator_at = self.here();
        let operator = self.operator()?.ok_or_else(|| {
            self.error(format!(
                "expected an operator after property {property:?} (=, !=, <, <=, >, >=, contains, \
                 does not contain, starts with, ends with, is empty, is not empty, before, after, \
                 on or before, on or after), found {}",
                self.found()
            ))
        })?;
        let value = if operator.takes_value() {
            Some(self.value(operator)?)
        } else {
            None
        };
        Ok(Condition {
            property,
            property_at,
            operator,
            operator_at,
            value,
        })
    }

    fn property(&mut self) -> Result<(String, usize), FilterError> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.error("expected a condition such as `Status = Active`, found the end"));
        };
        match token.kind {
            TokenKind::Quoted(name) | TokenKind::Backticked(name) => {
                self.pos += 1;
                Ok((name, token.at))
            }
            TokenKind::Word(_) if self.operator_len().is_none() => {
                let mut words = Vec::new();
                while let Some(Token {
                    kind: TokenKind::Word(w),
                    ..
                }) = self.peek()
                {
                    if self.operator_len().is_some() || !words.is_empty() && is_joiner(w) {
                        break;
                    }
                    words.push(w.clone());
                    self.pos += 1;
                }
                Ok((words.join(" "), token.at))
            }
            _ => Err(self.error(format!(
                "expected a property name (quote names with spaces: \"Due Date\" or `Due Date`), \
                 found {}",
                token.describe()
            ))),
        }
    }

    /// How many tokens the operator starting here takes, if one does.
    fn operator_len(&self) -> Option<(Operator, usize)> {
        let token = self.peek()?;
        if let TokenKind::Symbol(symbol) = token.kind {
            let op = match symbol {
                "=" => Operator::Equals,
                "!=" => Operator::NotEquals,
                "<" => Operator::Less,
                "<=" => Operator::LessOrEqual,
                ">" => Operator::Greater,
                _ => Operator::GreaterOrEqual,
            };
            return Some((op, 1));
        }
        let w = |i: usize| self.peek_keyword(i).unwrap_or_default();
        match (w(0).as_str(), w(1).as_str(), w(2).as_str()) {
            ("contains", _, _) => Some((Operator::Contains, 1)),
            ("does", "not", "contain") => Some((Operator::DoesNotContain, 3)),
            ("starts", "with", _) => Some((Operator::StartsWith, 2)),
            ("ends", "with", _) => Some((Operator::EndsWith, 2)),
            ("is", "not", "empty") => Some((Operator::IsNotEmpty, 3)),
            ("is", "empty", _) => Some((Operator::IsEmpty, 2)),
            ("is", "not", _) => Some((Operator::NotEquals, 2)),
            ("is", _, _) => Some((Operator::Equals, 1)),
            ("before", _, _) => Some((Operator::Before, 1)),
            ("after", _, _) => Some((Operator::After, 1)),
            ("on", "or", "before") => Some((Operator::OnOrBefore, 3)),
            ("on", "or", "after") => Some((Operator::OnOrAfter, 3)),
            ("on", _, _) => Some((Operator::Equals, 1)),
            _ => None,
        }
    }

    fn operator(&mut self) -> Result<Option<Operator>, FilterError> {
        Ok(self.operator_len().map(|(op, len)| {
            self.pos += len;
            op
        }))
    }

    fn value(&mut self, operator: Operator) -> Result<Operand, FilterError> {
        let missing = |p: &Self| {
            p.error(format!(
                "expected a value after `{}`, found {} (quote values with spaces: \"In Progress\")",
                operator.spelling(),
                p.found()
            ))
        };
        let Some(token) = self.peek().cloned() else {
            return Err(missing(self));
        };
        match token.kind {
            TokenKind::Quoted(text) => {
                self.pos += 1;
                Ok(Operand {
                    text,
                    quoted: true,
                    at: token.at,
                })
            }
            TokenKind::Word(first) if !is_joiner(&first) => {
                let mut words = vec![first];
                self.pos += 1;
                while let Some(Token {
                    kind: TokenKind::Word(w),
                    ..
                }) = self.peek()
                {
                    if is_joiner(w) {
                        break;
                    }
                    words.push(w.clone());
                    self.pos += 1;
                }
                Ok(Operand {
                    text: words.join(" "),
                    quoted: false,
                    at: token.at,
                })
            }
            _ => Err(missing(self)),
        }
    }
}

fn is_joiner(word: &str) -> bool {
    word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or")
}

/// One item stays itself; nested groups of the same kind are flattened.
fn group(items: Vec<Expr>, at: usize, and: bool) -> Expr {
    if items.len() == 1 {
        return items.into_iter().next().unwrap_or_else(|| unreachable!());
    }
    let mut flat = Vec::new();
    for item in items {
        match item {
            Expr::And(inner, _) if and => flat.extend(inner),
            Expr::Or(inner, _) if !and => flat.extend(inner),
            other => flat.push(other),
        }
    }
    if and {
        Expr::And(flat, at)
    } else {
        Expr::Or(flat, at)
    }
}
