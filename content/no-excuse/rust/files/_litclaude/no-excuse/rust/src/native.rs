//! The lint attribute as opt-out: `#[expect(clippy::as_conversions, reason = "...")]` on an item
//! already silences clippy there and fails once the item no longer needs it, so the no-excuse
//! rule that repeats that lint stands down for the same item. Without a reason it counts for
//! nothing (and `allow-needs-reason` reports it).

use crate::regions::{Code, ident, punct};
use crate::rules::Finding;

/// Each lint and the no-excuse rule that repeats it. These rules take only the lint's opt-out,
/// so that one exception is written once.
pub(crate) const NATIVE: [(&str, &str); 8] = [
    ("clippy::unwrap_used", "no-unwrap"),
    ("clippy::expect_used", "no-expect"),
    ("clippy::panic", "no-panic"),
    ("clippy::todo", "no-todo"),
    ("clippy::unimplemented", "no-todo"),
    ("clippy::as_conversions", "no-numeric-cast"),
    ("clippy::let_underscore_must_use", "no-ignored-error"),
    ("clippy::unused_result_ok", "no-ignored-error"),
];

/// A rule that a reasoned `#[expect]` silences on the lines `first..=last`.
#[derive(Debug)]
pub(crate) struct Expectation {
    rule: &'static str,
    first: usize,
    last: usize,
}

impl Expectation {
    pub(crate) fn covers(&self, finding: &Finding) -> bool {
        finding.rule == self.rule && (self.first..=self.last).contains(&finding.line)
    }
}

/// The lints an outer `#[expect(...)]` names, when it also gives a reason.
fn expected_lints(code: &Code, start: usize, end: usize) -> Vec<String> {
    let body = code.tokens.get(start + 2..end).unwrap_or_default();
    if ident(body.first()) != Some("expect") || !punct(body.get(1), b'(') {
        return vec![];
    }
    let mut lints = Vec::new();
    let mut current = String::new();
    let mut reason = false;
    for (i, token) in body.iter().enumerate().skip(2) {
        if let Some(word) = ident(Some(token)) {
            if word == "reason" && punct(body.get(i + 1), b'=') {
                reason = true;
            }
            current.push_str(word);
        } else if punct(Some(token), b':') {
            current.push(':');
        } else {
            lints.push(std::mem::take(&mut current));
        }
    }
    if reason { lints } else { vec![] }
}

pub(crate) fn expectations(code: &Code) -> Vec<Expectation> {
    let mut out = Vec::new();
    for attr in code.attrs.iter().filter(|a| !a.inner) {
        let lints = expected_lints(code, attr.start, attr.end);
        let last = code.item_end(attr.end + 1);
        let (Some(first), Some(last)) = (code.token(attr.start), code.token(last)) else {
            continue;
        };
        for (lint, rule) in NATIVE {
            if lints.iter().any(|l| l == lint) {
                out.push(Expectation {
                    rule,
                    first: first.line,
                    last: last.line,
                });
            }
        }
    }
    out
}
