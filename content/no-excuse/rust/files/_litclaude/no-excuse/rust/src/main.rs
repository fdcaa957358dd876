//! The no-excuse checker for Rust: reports the escape hatches that rustc and clippy miss or
//! that a team could silently switch off. Run it through `scripts/no-excuse`.

mod hatches;
mod ignored;
mod lexer;
mod literals;
mod native;
mod optout;
mod regions;
mod report;
mod rules;
mod walk;

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

const DEFAULT_MAX_LINES: usize = 250;

/// The largest file the checker reads: far above any file the line limit allows, and small
/// enough that checking one file stays well under the editing hook's time budget.
const MAX_BYTES: u64 = 1024 * 1024;

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

/// The file's bytes, or None when it is larger than `MAX_BYTES` (then it is not read further).
fn read_bounded(source: &walk::Source) -> Result<Option<Vec<u8>>, String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", source.display);
    let mut bytes = Vec::new();
    std::fs::File::open(&source.path)
        .map_err(cannot)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(u64::try_from(bytes.len())
        .is_ok_and(|n| n <= MAX_BYTES)
        .then_some(bytes))
}

fn too_large(source: &walk::Source) -> rules::Finding {
    rules::Finding {
        path: source.display.clone(),
        line: 1,
        col: 1,
        rule: "file-too-large",
        message: format!(
            "file is over {MAX_BYTES} bytes, more than this checker reads: split it (generated code belongs in OUT_DIR)"
        ),
    }
}

/// The report to print and whether it is clean, or why the check could not run.
fn run() -> Result<(String, bool), String> {
    let opts = parse_options(
        std::env::args().skip(1).collect(),
        std::env::var("NO_EXCUSE_MAX_LINES").ok(),
    )
    .map_err(|e| format!("{e}\n{USAGE}"))?;
    if opts.help {
        return Ok((USAGE.to_owned(), true));
    }
    let sources = walk::collect(&opts.paths)?;
    let mut findings = Vec::new();
    for source in &sources {
        let Some(src) = read_bounded(source)? else {
            findings.push(too_large(source));
            continue;
        };
        let place = rules::Place::of(&walk::crate_relative(&source.path));
        findings.extend(rules::check_source(
            &source.display,
            place,
            &src,
            opts.max_lines,
        )?);
    }
    let out = if opts.json {
        report::json(&findings, sources.len())
    } else {
        report::text(&findings, sources.len())
    };
    Ok((out, findings.is_empty()))
}

fn main() -> ExitCode {
    match run() {
        Ok((report, clean)) => {
            // A report nobody can read leaves the verdict unknown: that is a usage problem.
            if std::io::stdout()
                .lock()
                .write_all(report.as_bytes())
                .is_err()
            {
                ExitCode::from(2)
            } else if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(message) => {
            // Whether or not stderr takes the message, the status says the check did not run.
            match writeln!(std::io::stderr().lock(), "no-excuse: {message}") {
                Ok(()) | Err(_) => ExitCode::from(2),
            }
        }
    }
}
