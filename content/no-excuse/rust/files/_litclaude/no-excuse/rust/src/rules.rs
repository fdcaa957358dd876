//! The rules and the order they run in. Each looks at the token stream of one file; none of them
//! is fooled by text inside strings or comments because the lexer never turns those into tokens.

use crate::native::expectations;
use crate::optout::{apply_opt_outs, read_opt_outs};
use crate::regions::{Code, ident};

/// Every rule, as an opt-out comment names it.
pub(crate) const RULES: [&str; 14] = [
    "no-unwrap",
    "no-expect",
    "no-panic",
    "no-todo",
    "allow-needs-reason",
    "no-crate-allow",
    "no-unsafe",
    "no-numeric-cast",
    "no-ignored-error",
    "file-too-long",
    "file-too-large",
    "opt-out-needs-reason",
    "opt-out-unknown-rule",
    "opt-out-unused",
];

/// Rules no comment can silence: the fix is always to change the line (or the file) itself.
pub(crate) const NO_OPT_OUT: [&str; 5] = [
    "allow-needs-reason",
    "file-too-large",
    "opt-out-needs-reason",
    "opt-out-unknown-rule",
    "opt-out-unused",
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
    /// `src/main.rs`, `src/bin/`, `build.rs` or `examples/`: the program's edge, where a panic
    /// may end the run.
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
        Self {
            test: file == "tests.rs" || dirs.iter().any(|d| *d == "tests" || *d == "benches"),
            main: (file == "main.rs" && parent == Some("src"))
                || dirs.windows(2).any(|w| w == ["src", "bin"])
                || (file == "build.rs" && dirs.is_empty())
                || dirs.first() == Some(&"examples"),
            ffi: file == "ffi.rs" || dirs.contains(&"ffi"),
        }
    }
}

/// The state the rules share while they walk one file.
pub(crate) struct Checker<'a> {
    pub(crate) path: &'a str,
    pub(crate) code: &'a Code,
    pub(crate) in_test: Vec<bool>,
    pub(crate) place: Place,
    pub(crate) findings: Vec<Finding>,
    /// For each name bound by `let NAME = ...;` so far, the first and last token of its value.
    pub(crate) bindings: std::collections::HashMap<String, (usize, usize)>,
}

/// Checks one file. An error means it is not Rust that rustc could read: not UTF-8, a literal or
/// comment that never ends, or brackets that do not pair up.
pub(crate) fn check_source(
    path: &str,
    place: Place,
    src: &[u8],
    max_lines: usize,
) -> Result<Vec<Finding>, String> {
    if let Err(e) = std::str::from_utf8(src) {
        let valid = String::from_utf8_lossy(src.get(..e.valid_up_to()).unwrap_or_default());
        let line = valid.matches('\n').count() + 1;
        return Err(format!(
            "{path}:{line}: not UTF-8, so rustc cannot read it either"
        ));
    }
    let code = Code::parse(src).map_err(|e| {
        format!(
            "{path}:{}:{}: not Rust that rustc could read ({})",
            e.line, e.col, e.what
        )
    })?;
    let mut checker = Checker {
        path,
        code: &code,
        in_test: code.test_mask(),
        place,
        findings: vec![],
        bindings: std::collections::HashMap::new(),
    };
    checker.length(src, max_lines);
    checker.attributes();
    checker.tokens();
    let native = expectations(&code);
    let found: Vec<Finding> = checker
        .findings
        .into_iter()
        .filter(|f| !native.iter().any(|e| e.covers(f)))
        .collect();
    let (outs, bad) = read_opt_outs(path, &code.comments);
    let mut findings = apply_opt_outs(path, found, &outs);
    findings.extend(bad);
    findings.sort();
    Ok(findings)
}

impl Checker<'_> {
    pub(crate) fn report(&mut self, at: usize, rule: &'static str, message: String) {
        let (line, col) = self.code.token(at).map_or((1, 1), |t| (t.line, t.col));
        self.findings.push(Finding {
            path: self.path.to_owned(),
            line,
            col,
            rule,
            message,
        });
    }

    fn tokens(&mut self) {
        let mut in_use = false;
        for i in 0..self.code.tokens.len() {
            let test = self.place.test || self.in_test.get(i).copied().unwrap_or(false);
            let panics_allowed = test || self.place.main;
            let token = self.code.token(i);
            let word = ident(token);
            if matches!(word, Some("use" | "crate")) {
                in_use = word == Some("use") || ident(self.before(i, 1)) == Some("extern");
            } else if crate::regions::punct(token, b';') {
                in_use = false;
            }
            match word {
                Some(name @ ("unwrap" | "unwrap_err" | "expect" | "expect_err"))
                    if !panics_allowed =>
                {
                    self.method_call(i, name);
                }
                Some(name @ ("panic" | "todo" | "unimplemented")) if !panics_allowed => {
                    self.panic_macro(i, name);
                }
                Some("unsafe") if !self.place.ffi => self.unsafe_keyword(i),
                Some("as") if !in_use => self.cast(i),
                Some("let") => self.let_binding(i),
                Some("_") => self.wildcard_assignment(i),
                Some("drop") => self.drop_call(i),
                Some("ok") => self.ok_discard(i),
                _ => {}
            }
        }
    }

    /// The token `n` places before `i`.
    pub(crate) fn before(&self, i: usize, n: usize) -> Option<&crate::lexer::Token> {
        i.checked_sub(n).and_then(|j| self.code.token(j))
    }
}
