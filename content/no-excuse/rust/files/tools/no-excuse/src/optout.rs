//! Opt-out comments: `// no-excuse-ok: <rule> -- <reason>` on the line of a finding or the line
//! above silences that one rule there.

use crate::lexer::Comment;
use crate::rules::{Finding, RULES};

const MARKER: &str = "no-excuse-ok:";

#[derive(Debug)]
pub(crate) struct OptOut {
    pub(crate) rule: String,
    pub(crate) line: usize,
}

/// The text of a plain comment; doc comments (`///`, `//!`, `/**`) are documentation, not opt-outs.
fn body(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix("//") {
        if rest.starts_with('/') || rest.starts_with('!') {
            return None;
        }
        return Some(rest.trim());
    }
    let rest = text.strip_prefix("/*")?.strip_suffix("*/")?;
    if rest.starts_with('*') || rest.starts_with('!') {
        return None;
    }
    Some(rest.trim())
}

/// Returns the valid opt-outs and a finding for each malformed one.
pub(crate) fn read_opt_outs(path: &str, comments: &[Comment]) -> (Vec<OptOut>, Vec<Finding>) {
    let mut outs = Vec::new();
    let mut bad = Vec::new();
    for comment in comments {
        let Some(rest) = body(&comment.text).and_then(|b| b.strip_prefix(MARKER)) else {
            continue;
        };
        let (rule, reason) = rest.split_once("--").unwrap_or((rest, ""));
        let (rule, reason) = (rule.trim(), reason.trim());
        let mut flag = |rule_name: &'static str, message: String| {
            bad.push(Finding {
                path: path.to_owned(),
                line: comment.line,
                col: comment.col,
                rule: rule_name,
                message,
            });
        };
        if rule.is_empty() || reason.is_empty() {
            let message = "an opt-out needs a rule and a reason: no-excuse-ok: <rule> -- <why>";
            flag("opt-out-needs-reason", message.to_owned());
        } else if !RULES.contains(&rule) {
            flag(
                "opt-out-unknown-rule",
                format!("no-excuse has no rule \"{rule}\""),
            );
        } else {
            outs.push(OptOut {
                rule: rule.to_owned(),
                line: comment.line,
            });
        }
    }
    (outs, bad)
}
