//! Opt-out comments: `// no-excuse-ok: <rule> -- <reason>` on the line of a finding or the line
//! above silences that one rule there; one that silences nothing is reported, so stale excuses
//! do not pile up.

use std::collections::HashMap;

use crate::lexer::Comment;
use crate::native::NATIVE;
use crate::rules::{Finding, NO_OPT_OUT, RULES};

const MARKER: &str = "no-excuse-ok:";

#[derive(Debug)]
pub(crate) struct OptOut {
    pub(crate) rule: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
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

fn finding(path: &str, comment: &Comment, rule: &'static str, message: String) -> Finding {
    Finding {
        path: path.to_owned(),
        line: comment.line,
        col: comment.col,
        rule,
        message,
    }
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
        if rule.is_empty() || reason.is_empty() {
            let message = "an opt-out needs a rule and a reason: no-excuse-ok: <rule> -- <why>";
            bad.push(finding(
                path,
                comment,
                "opt-out-needs-reason",
                message.to_owned(),
            ));
        } else if !RULES.contains(&rule) {
            let message = format!("no-excuse has no rule \"{rule}\"");
            bad.push(finding(path, comment, "opt-out-unknown-rule", message));
        } else if NO_OPT_OUT.contains(&rule) {
            let message = format!("\"{rule}\" has no opt-out: fix what it reports instead");
            bad.push(finding(path, comment, "opt-out-unknown-rule", message));
        } else if let Some((lint, _)) = NATIVE.iter().find(|(_, r)| *r == rule) {
            let message = format!(
                "\"{rule}\" takes clippy's opt-out, which silences both: #[expect({lint}, reason = \"...\")] on the item"
            );
            bad.push(finding(path, comment, "opt-out-unknown-rule", message));
        } else {
            outs.push(OptOut {
                rule: rule.to_owned(),
                line: comment.line,
                col: comment.col,
            });
        }
    }
    (outs, bad)
}

/// Drops the findings an opt-out silences and reports each opt-out that silenced none.
pub(crate) fn apply_opt_outs(path: &str, found: Vec<Finding>, outs: &[OptOut]) -> Vec<Finding> {
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, out) in outs.iter().enumerate() {
        by_line.entry(out.line).or_default().push(i);
    }
    let mut used = vec![false; outs.len()];
    let mut kept: Vec<Finding> = found
        .into_iter()
        .filter(|f| {
            let mut silenced = false;
            let here = by_line.get(&f.line).into_iter().flatten();
            let above = by_line.get(&f.line.wrapping_sub(1)).into_iter().flatten();
            for i in here.chain(above) {
                if outs.get(*i).is_some_and(|o| o.rule == f.rule) {
                    if let Some(flag) = used.get_mut(*i) {
                        *flag = true;
                    }
                    silenced = true;
                }
            }
            !silenced
        })
        .collect();
    for (out, _) in outs.iter().zip(&used).filter(|(_, u)| !**u) {
        kept.push(Finding {
            path: path.to_owned(),
            line: out.line,
            col: out.col,
            rule: "opt-out-unused",
            message: format!(
                "this opt-out for {} silences nothing here (or a #[expect] already does): remove it",
                out.rule
            ),
        });
    }
    kept
}
