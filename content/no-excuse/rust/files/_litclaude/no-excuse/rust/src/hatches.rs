//! The escape hatches that panic, silence lints, leave safe Rust or convert without a check, and
//! the length of the file.

use crate::lexer::{Kind, Token};
use crate::regions::{ident, punct};
use crate::rules::Checker;

const NUMERIC_TYPES: [&str; 14] = [
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32",
    "f64",
];

/// How far past an `as` the checker looks for the `>` that closes `<T as Trait>`.
const QUALIFIED_PATH_REACH: usize = 64;

fn path_part(token: Option<&Token>) -> bool {
    matches!(
        token.map(|t| &t.kind),
        Some(Kind::Ident { .. } | Kind::Lifetime)
    )
}

impl Checker<'_> {
    /// Counts the lines outside `#[cfg(test)]` items: a module's unit tests live beside it and
    /// grow with it, as clippy's in-test settings also assume, so they do not count.
    pub(crate) fn length(&mut self, src: &[u8], max_lines: usize) {
        let text = String::from_utf8_lossy(src);
        let total = text.lines().count();
        let mut test_lines: Vec<(usize, usize)> = self
            .code
            .test_items()
            .into_iter()
            .filter_map(|(from, to)| Some((self.code.token(from)?.line, self.code.token(to)?.line)))
            .collect();
        test_lines.sort_unstable();
        let mut covered = 0;
        let mut next_free = 1;
        for (first, last) in test_lines {
            let first = first.max(next_free);
            if last >= first {
                covered += last - first + 1;
                next_free = last + 1;
            }
        }
        let lines = total.saturating_sub(covered);
        if lines > max_lines {
            let message = format!(
                "file has {lines} lines outside #[cfg(test)] code, the limit is {max_lines}: split it by responsibility"
            );
            self.findings.push(crate::rules::Finding {
                path: self.path.to_owned(),
                line: 1,
                col: 1,
                rule: "file-too-long",
                message,
            });
        }
    }

    pub(crate) fn attributes(&mut self) {
        let code = self.code;
        for attr in &code.attrs {
            let body = code.tokens.get(attr.start..=attr.end).unwrap_or_default();
            let lint_attr = body.iter().enumerate().any(|(i, t)| {
                matches!(ident(Some(t)), Some("allow" | "expect")) && punct(body.get(i + 1), b'(')
            });
            if !lint_attr {
                continue;
            }
            if attr.inner {
                let message = "an inner #![allow] or #![expect] silences a lint for a whole crate or module: put #[expect(lint, reason = \"...\")] on the one item".to_owned();
                self.report(attr.start, "no-crate-allow", message);
            } else if !body
                .iter()
                .enumerate()
                .any(|(i, t)| ident(Some(t)) == Some("reason") && punct(body.get(i + 1), b'='))
            {
                let message =
                    "a lint is silenced without saying why: add reason = \"...\"".to_owned();
                self.report(attr.start, "allow-needs-reason", message);
            }
        }
    }

    /// `.unwrap()` and `Option::unwrap` used as a path both panic on the unhappy case.
    pub(crate) fn method_call(&mut self, i: usize, name: &str) {
        let before = self.before(i, 1);
        let called = punct(before, b'.') && punct(self.code.token(i + 1), b'(');
        let as_path = punct(before, b':') && punct(self.before(i, 2), b':');
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
        self.report(i, rule, message);
    }

    pub(crate) fn panic_macro(&mut self, i: usize, name: &str) {
        let bang = punct(self.code.token(i + 1), b'!');
        let args = self.code.token(i + 2);
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
        self.report(i, rule, message);
    }

    pub(crate) fn unsafe_keyword(&mut self, i: usize) {
        let message = "unsafe outside an ffi module: find a safe API, or move it into ffi.rs with a SAFETY comment".to_owned();
        self.report(i, "no-unsafe", message);
    }

    /// Every `as` in an expression converts without a check; `as _` and `as Alias` hide the
    /// target type, so the rule does not try to tell numeric targets from the rest.
    pub(crate) fn cast(&mut self, i: usize) {
        if self.qualified_path(i) {
            return;
        }
        let message = match ident(self.code.token(i + 1)) {
            Some(target) if NUMERIC_TYPES.contains(&target) => format!(
                "`as {target}` can truncate, wrap or round silently: use {target}::from or {target}::try_from"
            ),
            Some(target) => format!(
                "`as {target}` converts without a check and may hide a numeric cast: use From, TryFrom or a typed binding"
            ),
            None => {
                "`as` converts without a check: use From, TryFrom or a typed binding".to_owned()
            }
        };
        self.report(i, "no-numeric-cast", message);
    }

    /// `<T as Trait>::item` names a trait's item; it converts nothing.
    fn qualified_path(&self, i: usize) -> bool {
        let mut depth = 0usize;
        let mut j = i + 1;
        while j <= i + QUALIFIED_PATH_REACH {
            let token = self.code.token(j);
            if punct(token, b'<') {
                depth += 1;
            } else if punct(token, b'>') {
                if depth == 0 {
                    return punct(self.code.token(j + 1), b':');
                }
                depth -= 1;
            } else if punct(token, b'(') || punct(token, b'[') {
                j = self.code.partner(j);
            } else if !(path_part(token)
                || [b':', b'&', b'*', b','].iter().any(|b| punct(token, *b)))
            {
                return false;
            }
            j += 1;
        }
        false
    }
}
