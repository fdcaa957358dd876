//! Expands the paths given on the command line into the Rust files to check.

use std::fs;
use std::path::{Path, PathBuf, absolute};

use crate::gitignore::Ignores;

/// A file to check: how to name it in the report, and where it is.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) display: String,
    pub(crate) path: PathBuf,
}

fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./")
        .map_or_else(|| text.clone(), ToOwned::to_owned)
}

/// The path of a file relative to the crate it belongs to (the nearest folder above it with a
/// Cargo.toml), which is what decides whether it is a test, a binary or an ffi module: a project
/// that happens to live under a folder called `tests` must not count as test code.
pub(crate) fn crate_relative(path: &Path) -> String {
    let Ok(abs) = absolute(path) else {
        return display(path);
    };
    abs.ancestors()
        .skip(1)
        .find(|dir| dir.join("Cargo.toml").is_file())
        .and_then(|root| abs.strip_prefix(root).ok())
        .map_or_else(|| display(path), display)
}

/// A file named on the command line is always checked (when it is a `.rs` file); a folder is
/// walked, skipping `target/`, hidden folders and whatever the .gitignore files exclude.
pub(crate) fn collect(paths: &[String]) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for arg in paths {
        let path = PathBuf::from(arg);
        let meta = fs::metadata(&path).map_err(|e| format!("cannot read {arg}: {e}"))?;
        if meta.is_dir() {
            let root = absolute(&path).map_err(|e| format!("cannot resolve {arg}: {e}"))?;
            let mut ignores = ancestor_ignores(&root);
            walk(&path, &root, &mut ignores, &mut sources)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            sources.push(Source {
                display: display(&path),
                path,
            });
        }
    }
    sources.sort_by(|a, b| a.display.cmp(&b.display));
    sources.dedup_by(|a, b| a.display == b.display);
    Ok(sources)
}

/// The .gitignore files above `root`, up to the repository root, apply to it too.
fn ancestor_ignores(root: &Path) -> Ignores {
    let mut chain: Vec<&Path> = Vec::new();
    let mut dir = root;
    while !dir.join(".git").exists() {
        let Some(parent) = dir.parent() else { break };
        chain.push(parent);
        dir = parent;
    }
    let mut ignores = Ignores::default();
    for d in chain.iter().rev() {
        ignores.load(d);
    }
    ignores
}

fn walk(
    shown: &Path,
    abs: &Path,
    ignores: &mut Ignores,
    out: &mut Vec<Source>,
) -> Result<(), String> {
    ignores.load(abs);
    let read = |e: std::io::Error| format!("cannot read {}: {e}", shown.display());
    let mut entries: Vec<_> = fs::read_dir(abs)
        .map_err(read)?
        .collect::<Result<_, _>>()
        .map_err(read)?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let is_dir = entry.file_type().map_err(read)?.is_dir();
        let entry_abs = abs.join(&name);
        if ignores.ignored(&entry_abs, is_dir) {
            continue;
        }
        if is_dir {
            if name_text != "target" && !name_text.starts_with('.') {
                walk(&shown.join(&name), &entry_abs, ignores, out)?;
            }
        } else if name_text.ends_with(".rs") {
            let path = shown.join(&name);
            out.push(Source {
                display: display(&path),
                path,
            });
        }
    }
    Ok(())
}
