//! The rules. Each looks at the token stream of one file; none of them is fooled by text inside
//! strings or comments because the lexer never turns those into tokens.

use crate::lexer::{Token, lex};
use crate::optout::{OptOut, read_opt_outs};
use crate::regions::{Attr, attributes, ident, punct, test_mask};

pub(crate) const RULES: [&str; 11] = [
    "no-unwrap",
    "no-expect",
    "no-panic",
    "no-todo",
    "allow-needs-reason",
    "no-crate-allow",
    "no-unsafe",
    "no-numeric-cast",
    "file-too-long",
    "opt-out-needs-reason",
    "opt-out-unknown-rule",
];

const NUMERIC_TYPES: [&str; 14] = [
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32",
    "f64",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Finding {
    pub(crate) path: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) rule: &'static str,
    pub(crate) message: String,
}

/// Where a file sits decides which rules apply to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    /// Under `tests/` or `benches/`, or a `tests.rs` module file: where panicking is how a test
    /// fails.
    pub(crate) test: bool,
    /// `src/main.rs` or `src/bin/`: the program's edge, where a panic may end the run.
    pub(crate) main: bool,
    /// `ffi.rs` or under `ffi/`: the one place `unsafe` may live.
    pub(crate) ffi: bool,
}

impl Place {
    pub(crate) fn of(path: &str) -> Self {
        let parts: Vec<&str> = path.split(['/', '\\']).collect();
        let dirs = parts
            .get(..parts.len().saturating_sub(1))
            .unwrap_or_default();
        let file = parts.last().copied().unwrap_or_default();
        let parent = dirs.last().copied();
        let grandparent = dirs.len().checked_sub(2).and_then(|i| dirs.get(i)).copied();
        Self {
            test: file == "tests.rs" || dirs.iter().any(|d| *d == "tests" || *d == "benches"),
            main: (file == "main.rs" && parent == Some("src"))
                || dirs.windows(2).any(|w| w == ["src", "bin"])
                || (parent == Some("bin") && grandparent == Some("src")),
            ffi: file == "ffi.rs" || dirs.contains(&"ffi"),
        }
    }
}

struct Checker<'a> {
    path: &'a str,
    tokens: &'a [Token],
    in_test: Vec<bool>,
    place: Place,
    findings: Vec<Finding>,
}

pub(crate) fn check_source(path: &str, place: Place, src: &[u8], max_lines: usize) -> Vec<Finding> {
    let lexed = lex(src);
    let attrs = attributes(&lexed.tokens);
    let in_test = test_mask(&lexed.tokens, &attrs);
    let mut checker = Checker {
        path,
        tokens: &lexed.tokens,
        in_test,
        place,
        findings: vec![],
    };
    checker.length(src, max_lines);
    checker.attributes(&attrs);
    checker.tokens();
    let (outs, mut bad) = read_opt_outs(path, &lexed.comments);
    let mut findings: Vec<Finding> = checker
        .findings
        .into_iter()
        .filter(|f| !silenced(f, &outs))
        .collect();
    findings.append(&mut bad);
    findings.sort();
    findings
}

fn silenced(finding: &Finding, outs: &[OptOut]) -> bool {
    outs.iter()
        .any(|o| o.rule == finding.rule && (o.line == finding.line || o.line + 1 == finding.line))
}

impl Checker<'_> {
    fn report(&mut self, token: Option<&Token>, rule: &'static str, message: String) {
        let (line, col) = token.map_or((1, 1), |t| (t.line, t.col));
        self.findings.push(Finding {
            path: self.path.to_owned(),
            line,
            col,
            rule,
            message,
        });
    }

    fn length(&mut self, src: &[u8], max_lines: usize) {
        let lines = String::from_utf8_lossy(src).lines().count();
        if lines > max_lines {
            let message = format!(
                "file has {lines} lines, the limit is {max_lines}: split it by responsibility"
            );
            self.report(None, "file-too-long", message);
        }
    }

    fn attributes(&mut self, attrs: &[Attr]) {
        for attr in attrs {
            let body = self.tokens.get(attr.start..=attr.end).unwrap_or_default();
            let lint_attr = body.iter().enumerate().any(|(i, t)| {
                matches!(ident(Some(t)), Some("allow" | "expect")) && punct(body.get(i + 1), b'(')
            });
            if !lint_attr {
                continue;
            }
            let hash = self.tokens.get(attr.start);
            if attr.inner {
                let message = "an inner #![allow] or #![expect] silences a lint for a whole crate or module: put #[expect(lint, reason = \"...\")] on the one item".to_owned();
                self.report(hash, "no-crate-allow", message);
            } else if !body
                .iter()
                .enumerate()
                .any(|(i, t)| ident(Some(t)) == Some("reason") && punct(body.get(i + 1), b'='))
            {
                let message =
                    "a lint is silenced without saying why: add reason = \"...\"".to_owned();
                self.report(hash, "allow-needs-reason", message);
            }
        }
    }

    fn tokens(&mut self) {
        for i in 0..self.tokens.len() {
            let test = self.place.test || self.in_test.get(i).copied().unwrap_or(false);
            let panics_allowed = test || self.place.main;
            let tokens = self.tokens;
            let token = tokens.get(i);
            match ident(token) {
                Some(name @ ("unwrap" | "unwrap_err" | "expect" | "expect_err"))
                    if !panics_allowed =>
                {
                    self.method_call(i, name);
                }
                Some(name @ ("panic" | "todo" | "unimplemented")) if !panics_allowed => {
                    self.panic_macro(i, name);
                }
                Some("unsafe") if !self.place.ffi => {
                    let message = "unsafe outside an ffi module: find a safe API, or move it into ffi.rs with a SAFETY comment".to_owned();
                    self.report(token, "no-unsafe", message);
                }
                Some("as") => self.cast(i),
                _ => {}
            }
        }
    }

    /// `.unwrap()` and `Option::unwrap` used as a path both panic on the unhappy case.
    fn method_call(&mut self, i: usize, name: &str) {
        let before = i.checked_sub(1).and_then(|j| self.tokens.get(j));
        let called = punct(before, b'.') && punct(self.tokens.get(i + 1), b'(');
        let before_that = i.checked_sub(2).and_then(|j| self.tokens.get(j));
        let as_path = punct(before, b':') && punct(before_that, b':');
        if !called && !as_path {
            return;
        }
        let rule = if name.starts_with("unwrap") {
            "no-unwrap"
        } else {
            "no-expect"
        };
        let message =
            format!("{name} panics outside tests and main: return the error with ? instead");
        self.report(self.tokens.get(i), rule, message);
    }

    fn panic_macro(&mut self, i: usize, name: &str) {
        let bang = punct(self.tokens.get(i + 1), b'!');
        let args = self.tokens.get(i + 2);
        if !bang || !(punct(args, b'(') || punct(args, b'[') || punct(args, b'{')) {
            return;
        }
        let (rule, message) = if name == "panic" {
            (
                "no-panic",
                "panic! outside tests and main: return a typed error instead".to_owned(),
            )
        } else {
            (
                "no-todo",
                format!("{name}! is unfinished code: finish it or return an error"),
            )
        };
        self.report(self.tokens.get(i), rule, message);
    }

    fn cast(&mut self, i: usize) {
        let Some(target) = ident(self.tokens.get(i + 1)) else {
            return;
        };
        if NUMERIC_TYPES.contains(&target) {
            let message = format!(
                "`as {target}` can truncate, wrap or round silently: use {target}::from or {target}::try_from"
            );
            self.report(self.tokens.get(i), "no-numeric-cast", message);
        }
    }
}
