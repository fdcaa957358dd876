//! Finds attributes and the items they sit on, so that rules can tell test code from the rest.

use crate::lexer::{Kind, Token};

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

fn opens(token: Option<&Token>) -> bool {
    punct(token, b'(') || punct(token, b'[') || punct(token, b'{')
}

fn closes(token: Option<&Token>) -> bool {
    punct(token, b')') || punct(token, b']') || punct(token, b'}')
}

/// The index of the bracket that closes the one at `open`, or the last token if none does.
pub(crate) fn matching(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(open) {
        if opens(Some(token)) {
            depth += 1;
        } else if closes(Some(token)) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return i;
            }
        }
    }
    tokens.len().saturating_sub(1)
}

pub(crate) fn attributes(tokens: &[Token]) -> Vec<Attr> {
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let inner = punct(tokens.get(i + 1), b'!');
        let bracket = if inner { i + 2 } else { i + 1 };
        if punct(tokens.get(i), b'#') && punct(tokens.get(bracket), b'[') {
            let end = matching(tokens, bracket);
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

/// `#[test]`, `#[tokio::test]`, `#[cfg(test)]` and `#[cfg(all(test, ...))]` mark test code;
/// `#[cfg(not(test))]` and `#[cfg(any(test, ...))]` (also built outside tests) do not.
pub(crate) fn is_test_attr(tokens: &[Token], attr: Attr) -> bool {
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

/// Marks every token that belongs to test code: items under a test attribute, or the whole
/// file when it starts with `#![cfg(test)]`.
pub(crate) fn test_mask(tokens: &[Token], attrs: &[Attr]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for attr in attrs.iter().copied().filter(|a| is_test_attr(tokens, *a)) {
        let (from, to) = if attr.inner {
            (0, tokens.len().saturating_sub(1))
        } else {
            (attr.start, item_end(tokens, attrs, attr.end + 1))
        };
        for slot in mask.iter_mut().take(to + 1).skip(from) {
            *slot = true;
        }
    }
    mask
}

/// The last token of the item that starts at `from`: its closing `}` or its `;`.
fn item_end(tokens: &[Token], attrs: &[Attr], from: usize) -> usize {
    let mut i = from;
    while i < tokens.len() {
        if let Some(a) = attrs.iter().find(|a| a.start == i) {
            i = a.end + 1;
            continue;
        }
        let token = tokens.get(i);
        if punct(token, b'{') {
            return matching(tokens, i);
        }
        if punct(token, b';') {
            return i;
        }
        if punct(token, b'(') || punct(token, b'[') {
            i = matching(tokens, i);
        }
        i += 1;
    }
    tokens.len().saturating_sub(1)
}
