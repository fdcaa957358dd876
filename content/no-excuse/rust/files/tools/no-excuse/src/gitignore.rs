//! Just enough of .gitignore: comments, `!` negation, a trailing `/` for folders, patterns with
//! a `/` anchored to their file's folder, `*`, `?`, `[...]` and `**`. The last match wins.

use std::path::{Path, PathBuf};

#[derive(Debug)]
struct Rule {
    base: PathBuf,
    segments: Vec<String>,
    negate: bool,
    dir_only: bool,
    anchored: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Ignores {
    rules: Vec<Rule>,
}

impl Ignores {
    /// Reads `dir/.gitignore` if there is one. A missing file is no error.
    pub(crate) fn load(&mut self, dir: &Path) {
        let Ok(text) = std::fs::read_to_string(dir.join(".gitignore")) else {
            return;
        };
        for line in text.lines() {
            if let Some(rule) = parse(dir, line) {
                self.rules.push(rule);
            }
        }
    }

    pub(crate) fn ignored(&self, path: &Path, is_dir: bool) -> bool {
        let mut result = false;
        for rule in &self.rules {
            let Ok(rel) = path.strip_prefix(&rule.base) else {
                continue;
            };
            if rule.dir_only && !is_dir {
                continue;
            }
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let hit = if rule.anchored {
                match_segments(&rule.segments, &parts)
            } else {
                match (rule.segments.first(), parts.last()) {
                    (Some(pattern), Some(name)) => glob(pattern.as_bytes(), name.as_bytes()),
                    _ => false,
                }
            };
            if hit {
                result = !rule.negate;
            }
        }
        result
    }
}

fn parse(base: &Path, line: &str) -> Option<Rule> {
    let line = line.trim_end();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (negate, line) = line
        .strip_prefix('!')
        .map_or((false, line), |rest| (true, rest));
    let line = line.strip_prefix('\\').unwrap_or(line);
    let (dir_only, line) = line
        .strip_suffix('/')
        .map_or((false, line), |rest| (true, rest));
    let anchored = line.contains('/');
    let line = line.strip_prefix('/').unwrap_or(line);
    if line.is_empty() {
        return None;
    }
    Some(Rule {
        base: base.to_path_buf(),
        segments: line.split('/').map(ToOwned::to_owned).collect(),
        negate,
        dir_only,
        anchored,
    })
}

fn match_segments(pattern: &[String], parts: &[String]) -> bool {
    match pattern.split_first() {
        None => parts.is_empty(),
        Some((first, rest)) if first == "**" => (0..=parts.len()).any(|i| {
            parts
                .get(i..)
                .is_some_and(|tail| match_segments(rest, tail))
        }),
        Some((first, rest)) => match parts.split_first() {
            Some((part, tail)) => {
                glob(first.as_bytes(), part.as_bytes()) && match_segments(rest, tail)
            }
            None => false,
        },
    }
}

/// Matches one path segment against a glob with `*`, `?` and `[...]` classes.
fn glob(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => {
            (0..=name.len()).any(|i| name.get(i..).is_some_and(|t| glob(rest, t)))
        }
        Some((b'?', rest)) => name.split_first().is_some_and(|(_, t)| glob(rest, t)),
        Some((b'[', rest)) => match (class_end(rest), name.split_first()) {
            (Some(end), Some((c, tail))) => {
                let class = rest.get(..end).unwrap_or_default();
                in_class(class, *c) && glob(rest.get(end + 1..).unwrap_or_default(), tail)
            }
            _ => false,
        },
        Some((p, rest)) => name
            .split_first()
            .is_some_and(|(c, t)| c == p && glob(rest, t)),
    }
}

fn class_end(rest: &[u8]) -> Option<usize> {
    rest.iter().skip(1).position(|b| *b == b']').map(|i| i + 1)
}

fn in_class(class: &[u8], c: u8) -> bool {
    let (negated, class) = match class.split_first() {
        Some((b'!' | b'^', rest)) => (true, rest),
        _ => (false, class),
    };
    let mut found = false;
    let mut i = 0;
    while let Some(&lo) = class.get(i) {
        if class.get(i + 1) == Some(&b'-') && class.get(i + 2).is_some() {
            let hi = class.get(i + 2).copied().unwrap_or(lo);
            found |= (lo..=hi).contains(&c);
            i += 3;
        } else {
            found |= lo == c;
            i += 1;
        }
    }
    found != negated
}
