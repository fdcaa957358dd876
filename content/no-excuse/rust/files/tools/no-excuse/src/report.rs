//! The two output formats: one line per finding plus a summary, or one JSON object.

use crate::rules::Finding;

pub(crate) fn text(findings: &[Finding], files: usize) -> String {
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| format!("{}:{}:{} {} {}\n", f.path, f.line, f.col, f.rule, f.message))
        .collect();
    lines.push(summary(findings.len(), files));
    lines.concat()
}

fn summary(count: usize, files: usize) -> String {
    format!("no-excuse: {count} finding(s) in {files} file(s) checked\n")
}

fn json_char(c: char) -> String {
    match c {
        '"' => "\\\"".to_owned(),
        '\\' => "\\\\".to_owned(),
        c if u32::from(c) < 0x20 => format!("\\u{:04x}", u32::from(c)),
        c => c.to_string(),
    }
}

fn json_string(s: &str) -> String {
    format!("\"{}\"", s.chars().map(json_char).collect::<String>())
}

pub(crate) fn json(findings: &[Finding], files: usize) -> String {
    let items: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{{\"path\":{},\"rule\":{},\"message\":{},\"line\":{},\"col\":{}}}",
                json_string(&f.path),
                json_string(f.rule),
                json_string(&f.message),
                f.line,
                f.col
            )
        })
        .collect();
    format!(
        "{{\"findings\":[{}],\"filesChecked\":{files}}}\n",
        items.join(",")
    )
}
