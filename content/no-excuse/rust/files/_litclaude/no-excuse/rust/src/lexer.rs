//! A Rust tokenizer that knows exactly enough of the language not to be fooled: string, raw
//! string, byte and C string literals, char literals versus lifetimes, raw identifiers and
//! nested block comments. Everything else becomes a one-byte punctuation token.

/// What a token is; literals keep no text because no rule looks inside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An identifier or keyword; `raw` is true for `r#name`, which is never a keyword.
    Ident {
        text: String,
        raw: bool,
    },
    Lifetime,
    Literal,
    Punct(u8),
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) line: usize,
    pub(crate) col: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Comment {
    pub(crate) text: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Lexed {
    pub(crate) tokens: Vec<Token>,
    pub(crate) comments: Vec<Comment>,
}

/// Why a file is not Rust that rustc could tokenize, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexError {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) what: String,
}

pub(crate) struct Lexer<'a> {
    pub(crate) src: &'a [u8],
    pub(crate) pos: usize,
    pub(crate) line: usize,
    pub(crate) line_start: usize,
    pub(crate) out: Lexed,
    /// The first literal or comment left open, as (line, col, what).
    pub(crate) unterminated: Option<LexError>,
}

/// Splits a file into tokens and comments, or says which literal or comment never ends.
pub(crate) fn lex(src: &[u8]) -> Result<Lexed, LexError> {
    let mut lexer = Lexer {
        src,
        pos: 0,
        line: 1,
        line_start: 0,
        out: Lexed::default(),
        unterminated: None,
    };
    lexer.run();
    match lexer.unterminated {
        Some(error) => Err(error),
        None => Ok(lexer.out),
    }
}

pub(crate) fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

pub(crate) fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The length in bytes of the UTF-8 character that starts with `b`.
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

impl Lexer<'_> {
    pub(crate) fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    pub(crate) fn bump(&mut self) {
        if self.peek(0) == Some(b'\n') {
            self.line += 1;
            self.line_start = self.pos + 1;
        }
        self.pos += 1;
    }

    pub(crate) fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    pub(crate) fn col(&self) -> usize {
        self.pos - self.line_start + 1
    }

    /// Records that the literal or comment that began at (line, col) reaches the end of the file.
    pub(crate) fn open_at(&mut self, line: usize, col: usize, what: &'static str) {
        if self.unterminated.is_none() {
            self.unterminated = Some(LexError {
                line,
                col,
                what: what.to_owned(),
            });
        }
    }

    pub(crate) fn push(&mut self, kind: Kind, line: usize, col: usize) {
        self.out.tokens.push(Token { kind, line, col });
    }

    fn run(&mut self) {
        while let Some(b) = self.peek(0) {
            let (line, col) = (self.line, self.col());
            if b.is_ascii_whitespace() {
                self.bump();
            } else if b == b'/' && self.peek(1) == Some(b'/') {
                self.line_comment(line, col);
            } else if b == b'/' && self.peek(1) == Some(b'*') {
                self.block_comment(line, col);
            } else if b == b'"' {
                self.quoted(b'"', line, col);
                self.push(Kind::Literal, line, col);
            } else if b == b'\'' {
                self.quote_or_lifetime(line, col);
            } else if b.is_ascii_digit() {
                self.number();
                self.push(Kind::Literal, line, col);
            } else if is_ident_start(b) {
                self.ident_or_prefixed_literal(line, col);
            } else {
                self.bump();
                self.push(Kind::Punct(b), line, col);
            }
        }
    }

    pub(crate) fn text(&self, from: usize) -> String {
        String::from_utf8_lossy(self.src.get(from..self.pos).unwrap_or_default()).into_owned()
    }

    fn line_comment(&mut self, line: usize, col: usize) {
        let start = self.pos;
        while self.peek(0).is_some_and(|b| b != b'\n') {
            self.bump();
        }
        let text = self.text(start);
        self.out.comments.push(Comment { text, line, col });
    }

    fn block_comment(&mut self, line: usize, col: usize) {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek(0) {
            if b == b'/' && self.peek(1) == Some(b'*') {
                depth += 1;
                self.bump_n(2);
            } else if b == b'*' && self.peek(1) == Some(b'/') {
                self.bump_n(2);
                depth -= 1;
                if depth == 0 {
                    break;
                }
            } else {
                self.bump();
            }
        }
        if depth > 0 {
            self.open_at(line, col, "a block comment that is never closed");
        }
        let text = self.text(start);
        self.out.comments.push(Comment { text, line, col });
    }
}
