//! Literals and identifiers: the part of lexing where strings, raw strings, chars and lifetimes
//! must be told apart.

use crate::lexer::{Kind, Lexer, is_ident_continue, is_ident_start, utf8_len};

impl Lexer<'_> {
    /// Skips a literal that starts at the opening `quote` and honours backslash escapes.
    pub(crate) fn quoted(&mut self, quote: u8, line: usize, col: usize) {
        self.bump();
        while let Some(b) = self.peek(0) {
            self.bump();
            if b == b'\\' {
                self.bump();
            } else if b == quote {
                return;
            }
        }
        self.open_at(line, col, "a string or char literal that is never closed");
    }

    /// Skips `"..."#` after `r` and its `hashes` number of `#`.
    pub(crate) fn raw_string(&mut self, hashes: usize, line: usize, col: usize) {
        self.bump_n(hashes + 1);
        while self.peek(0).is_some() {
            if self.peek(0) == Some(b'"') && (1..=hashes).all(|i| self.peek(i) == Some(b'#')) {
                self.bump_n(hashes + 1);
                return;
            }
            self.bump();
        }
        self.open_at(line, col, "a raw string that is never closed");
    }

    /// `'a'`, `'\n'` and `'é'` are char literals; `'a` and `'outer` are lifetimes or labels.
    pub(crate) fn quote_or_lifetime(&mut self, line: usize, col: usize) {
        let next = self.peek(1);
        let is_char = match next {
            Some(b'\\') => true,
            Some(b) => self.peek(1 + utf8_len(b)) == Some(b'\''),
            None => false,
        };
        if is_char {
            self.quoted(b'\'', line, col);
            self.push(Kind::Literal, line, col);
            return;
        }
        self.bump();
        while self.peek(0).is_some_and(is_ident_continue) {
            self.bump();
        }
        self.push(Kind::Lifetime, line, col);
    }

    pub(crate) fn number(&mut self) {
        let hex = self.peek(0) == Some(b'0') && matches!(self.peek(1), Some(b'x' | b'X'));
        while let Some(b) = self.peek(0) {
            let exponent_sign = !hex
                && matches!(b, b'+' | b'-')
                && matches!(self.src.get(self.pos.wrapping_sub(1)), Some(b'e' | b'E'));
            let fraction = b == b'.' && self.peek(1).is_some_and(|d| d.is_ascii_digit());
            if is_ident_continue(b) || exponent_sign || fraction {
                self.bump();
            } else {
                break;
            }
        }
    }

    pub(crate) fn ident_or_prefixed_literal(&mut self, line: usize, col: usize) {
        let start = self.pos;
        while self.peek(0).is_some_and(is_ident_continue) {
            self.bump();
        }
        let word = self.text(start);
        let next = self.peek(0);
        let raw_prefix = matches!(word.as_str(), "r" | "br" | "cr");
        if raw_prefix && matches!(next, Some(b'"' | b'#')) {
            let hashes = self
                .src
                .get(self.pos..)
                .map_or(0, |r| r.iter().take_while(|b| **b == b'#').count());
            if self.peek(hashes) == Some(b'"') {
                self.raw_string(hashes, line, col);
                self.push(Kind::Literal, line, col);
                return;
            }
            if word == "r" && hashes == 1 && self.peek(1).is_some_and(is_ident_start) {
                self.bump();
                let name_start = self.pos;
                while self.peek(0).is_some_and(is_ident_continue) {
                    self.bump();
                }
                let text = self.text(name_start);
                self.push(Kind::Ident { text, raw: true }, line, col);
                return;
            }
        }
        if matches!(word.as_str(), "b" | "c") && next == Some(b'"') {
            self.quoted(b'"', line, col);
            self.push(Kind::Literal, line, col);
            return;
        }
        if word == "b" && next == Some(b'\'') {
            self.quoted(b'\'', line, col);
            self.push(Kind::Literal, line, col);
            return;
        }
        self.push(
            Kind::Ident {
                text: word,
                raw: false,
            },
            line,
            col,
        );
    }
}
