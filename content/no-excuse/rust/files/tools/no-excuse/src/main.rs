//! The no-excuse checker for Rust: reports the escape hatches that rustc and clippy miss or
//! that a team could silently switch off. Run it through `scripts/no-excuse`.

mod gitignore;
mod lexer;
mod literals;
mod optout;
mod regions;
mod report;
mod rules;
mod walk;

use std::io::Write as _;
use std::process::ExitCode;

const DEFAULT_MAX_LINES: usize = 250;

const USAGE: &str = "usage: scripts/no-excuse [PATH...] [--json] [--max-lines N]
  PATH         files or folders to check (default: the whole project)
  --json       print one JSON object instead of text
  --max-lines  longest allowed file (default 250, or NO_EXCUSE_MAX_LINES)
exit status: 0 clean, 1 findings, 2 usage or unreadable input
";

#[derive(Debug)]
struct Options {
    paths: Vec<String>,
    json: bool,
    help: bool,
    max_lines: usize,
}

fn parse_max_lines(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "--max-lines needs a whole number above zero, not {text:?}"
        )),
    }
}

fn parse_options(args: Vec<String>, env_max_lines: Option<String>) -> Result<Options, String> {
    let mut opts = Options {
        paths: vec![],
        json: false,
        help: false,
        max_lines: DEFAULT_MAX_LINES,
    };
    if let Some(text) = env_max_lines.filter(|t| !t.is_empty()) {
        opts.max_lines = parse_max_lines(&text).map_err(|e| format!("NO_EXCUSE_MAX_LINES: {e}"))?;
    }
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--json" {
            opts.json = true;
        } else if arg == "--help" || arg == "-h" {
            opts.help = true;
        } else if arg == "--max-lines" {
            let value = args.next().ok_or("--max-lines needs a value")?;
            opts.max_lines = parse_max_lines(&value)?;
        } else if let Some(value) = arg.strip_prefix("--max-lines=") {
            opts.max_lines = parse_max_lines(value)?;
        } else if arg.starts_with('-') {
            return Err(format!("unknown option {arg:?}"));
        } else {
            opts.paths.push(arg);
        }
    }
    if opts.paths.is_empty() {
        opts.paths.push(".".to_owned());
    }
    Ok(opts)
}

/// Writes a report. When the terminal or pipe is gone there is nobody left to tell, so the
/// write error is deliberately dropped and the exit status still says what was found.
fn emit(to_stdout: bool, text: &str) {
    let written = if to_stdout {
        std::io::stdout().lock().write_all(text.as_bytes())
    } else {
        std::io::stderr().lock().write_all(text.as_bytes())
    };
    drop(written);
}

fn run() -> Result<bool, String> {
    let opts = parse_options(
        std::env::args().skip(1).collect(),
        std::env::var("NO_EXCUSE_MAX_LINES").ok(),
    )
    .map_err(|e| format!("{e}\n{USAGE}"))?;
    if opts.help {
        emit(true, USAGE);
        return Ok(true);
    }
    let sources = walk::collect(&opts.paths)?;
    let mut findings = Vec::new();
    for source in &sources {
        let src = std::fs::read(&source.path)
            .map_err(|e| format!("cannot read {}: {e}", source.display))?;
        let place = rules::Place::of(&walk::crate_relative(&source.path));
        findings.extend(rules::check_source(
            &source.display,
            place,
            &src,
            opts.max_lines,
        ));
    }
    let out = if opts.json {
        report::json(&findings, sources.len())
    } else {
        report::text(&findings, sources.len())
    };
    emit(true, &out);
    Ok(findings.is_empty())
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            emit(false, &format!("no-excuse: {message}\n"));
            ExitCode::from(2)
        }
    }
}
