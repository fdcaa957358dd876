//! The bracket structure of a file and its attributes: which item an attribute sits on, and
//! which tokens are test code.

use std::collections::HashMap;

use crate::lexer::{Comment, Kind, LexError, Token, lex};

/// An attribute `#[...]` or `#![...]`: the index of its `#` and of its closing `]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) inner: bool,
}

pub(crate) fn ident(token: Option<&Token>) -> Option<&str> {
    match token.map(|t| &t.kind) {
        Some(Kind::Ident { text, raw: false }) => Some(text.as_str()),
        _ => None,
    }
}

pub(crate) fn punct(token: Option<&Token>, want: u8) -> bool {
    matches!(token.map(|t| &t.kind), Some(Kind::Punct(b)) if *b == want)
}

pub(crate) fn opens(token: Option<&Token>) -> bool {
    punct(token, b'(') || punct(token, b'[') || punct(token, b'{')
}

pub(crate) fn closes(token: Option<&Token>) -> bool {
    punct(token, b')') || punct(token, b']') || punct(token, b'}')
}

/// One file, tokenized, with every bracket paired and every attribute found. Each lookup is
/// constant time, so the cost of checking a file grows with its length and never with its depth.
#[derive(Debug)]
pub(crate) struct Code {
    pub(crate) tokens: Vec<Token>,
    pub(crate) comments: Vec<Comment>,
    pub(crate) attrs: Vec<Attr>,
    partner: Vec<usize>,
    attr_end: HashMap<usize, usize>,
}

fn error_at(token: Option<&Token>, what: String) -> LexError {
    let (line, col) = token.map_or((1, 1), |t| (t.line, t.col));
    LexError { line, col, what }
}

/// For each bracket the index of its partner; any other token maps to itself. Rust requires
/// every file to be balanced, so an unbalanced one is reported as not being Rust.
fn pair_brackets(tokens: &[Token]) -> Result<Vec<usize>, LexError> {
    let mut partner: Vec<usize> = (0..tokens.len()).collect();
    let mut open: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let want = match token.kind {
            Kind::Punct(b'(' | b'[' | b'{') => {
                open.push(i);
                continue;
            }
            Kind::Punct(b')') => b'(',
            Kind::Punct(b']') => b'[',
            Kind::Punct(b'}') => b'{',
            Kind::Punct(_) | Kind::Ident { .. } | Kind::Lifetime | Kind::Literal => continue,
        };
        let o = match open.pop() {
            Some(o) if punct(tokens.get(o), want) => o,
            Some(o) => {
                let (line, col) = tokens.get(o).map_or((1, 1), |t| (t.line, t.col));
                let what =
                    format!("a closing bracket that does not match the one opened at {line}:{col}");
                return Err(error_at(Some(token), what));
            }
            None => {
                let what = "a closing bracket that matches no opening one".to_owned();
                return Err(error_at(Some(token), what));
            }
        };
        if let Some(slot) = partner.get_mut(o) {
            *slot = i;
        }
        if let Some(slot) = partner.get_mut(i) {
            *slot = o;
        }
    }
    match open.pop() {
        Some(o) => Err(error_at(
            tokens.get(o),
            "a bracket that is never closed".to_owned(),
        )),
        None => Ok(partner),
    }
}

fn find_attributes(tokens: &[Token], partner: &[usize]) -> Vec<Attr> {
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let inner = punct(tokens.get(i + 1), b'!');
        let bracket = if inner { i + 2 } else { i + 1 };
        if punct(tokens.get(i), b'#') && punct(tokens.get(bracket), b'[') {
            let end = partner.get(bracket).copied().unwrap_or(bracket);
            attrs.push(Attr {
                start: i,
                end,
                inner,
            });
            i = end + 1;
        } else {
            i += 1;
        }
    }
    attrs
}

impl Code {
    pub(crate) fn parse(src: &[u8]) -> Result<Self, LexError> {
        let lexed = lex(src)?;
        let partner = pair_brackets(&lexed.tokens)?;
        let attrs = find_attributes(&lexed.tokens, &partner);
        let attr_end = attrs.iter().map(|a| (a.start, a.end)).collect();
        Ok(Self {
            tokens: lexed.tokens,
            comments: lexed.comments,
            attrs,
            partner,
            attr_end,
        })
    }

    pub(crate) fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The bracket that pairs with the one at `i` (or `i` itself when it is no bracket).
    pub(crate) fn partner(&self, i: usize) -> usize {
        self.partner.get(i).copied().unwrap_or(i)
    }

    /// The last token of the item or statement that starts at `from`: its closing `}` or `;`.
    pub(crate) fn item_end(&self, from: usize) -> usize {
        let mut i = from;
        let mut first = true;
        let mut statement = false;
        while i < self.tokens.len() {
            if let Some(end) = self.attr_end.get(&i) {
                i = end + 1;
                continue;
            }
            let token = self.token(i);
            if first {
                statement = ident(token) == Some("let");
                first = false;
            }
            if punct(token, b';') || (punct(token, b'{') && !statement) {
                return self.partner(i);
            }
            if closes(token) {
                return i.saturating_sub(1);
            }
            i = self.partner(i) + 1;
        }
        self.tokens.len().saturating_sub(1)
    }

    /// The (first, last) token of every item under a test attribute; the whole file when it
    /// starts with `#![cfg(test)]`.
    pub(crate) fn test_items(&self) -> Vec<(usize, usize)> {
        self.attrs
            .iter()
            .filter(|a| is_test_attr(&self.tokens, **a))
            .map(|a| {
                if a.inner {
                    (0, self.tokens.len().saturating_sub(1))
                } else {
                    (a.start, self.item_end(a.end + 1))
                }
            })
            .collect()
    }

    /// Marks every token that belongs to test code.
    pub(crate) fn test_mask(&self) -> Vec<bool> {
        let n = self.tokens.len();
        let mut starts = vec![0usize; n + 1];
        let mut ends = vec![0usize; n + 1];
        for (from, to) in self.test_items() {
            if let Some(s) = starts.get_mut(from) {
                *s += 1;
            }
            if let Some(e) = ends.get_mut(to + 1) {
                *e += 1;
            }
        }
        let mut depth = 0usize;
        starts
            .iter()
            .zip(&ends)
            .take(n)
            .map(|(s, e)| {
                depth = (depth + s).saturating_sub(*e);
                depth > 0
            })
            .collect()
    }
}

/// `#[test]`, `#[tokio::test]`, `#[cfg(test)]` and `#[cfg(all(test, ...))]` mark test code;
/// `#[cfg(not(test))]` and `#[cfg(any(test, ...))]` (also built outside tests) do not.
fn is_test_attr(tokens: &[Token], attr: Attr) -> bool {
    let body = tokens.get(attr.start..=attr.end).unwrap_or_default();
    let words: Vec<&str> = body.iter().filter_map(|t| ident(Some(t))).collect();
    match words.first().copied() {
        Some("cfg") => match words.get(1..) {
            Some(["test"]) => true,
            Some(["all", rest @ ..]) => rest.contains(&"test") && !rest.contains(&"not"),
            _ => false,
        },
        _ => words.last() == Some(&"test") && !body.iter().any(|t| punct(Some(t), b'(')),
    }
}
