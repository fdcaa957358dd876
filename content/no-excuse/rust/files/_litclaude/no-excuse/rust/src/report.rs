//! The two output formats: one line per finding plus a summary, or one JSON object in the shape
//! every language's checker prints.

use crate::rules::Finding;

pub(crate) fn text(findings: &[Finding], files: usize) -> String {
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| format!("{}:{}:{} {} {}\n", f.path, f.line, f.col, f.rule, f.message))
        .collect();
    let mut touched: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    touched.dedup();
    lines.push(if findings.is_empty() {
        format!("no-excuse: {files} file(s) checked, no findings\n")
    } else {
        format!(
            "no-excuse: {} finding(s) in {} of {files} file(s)\n",
            findings.len(),
            touched.len()
        )
    });
    lines.concat()
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
                "{{\"path\":{},\"rule\":{},\"message\":{},\"line\":{},\"column\":{}}}",
                json_string(&f.path),
                json_string(f.rule),
                json_string(&f.message),
                f.line,
                f.col
            )
        })
        .collect();
    format!("{{\"findings\":[{}],\"files\":{files}}}\n", items.join(","))
}
