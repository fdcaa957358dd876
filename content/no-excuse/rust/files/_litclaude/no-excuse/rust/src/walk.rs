//! Expands the paths given on the command line into the Rust files to check. Inside a git work
//! tree a folder holds exactly the files git sees there (`git ls-files`: tracked and untracked
//! but not ignored, by every ignore file git reads); outside one, every `.rs` file under it except
//! in `target/`, `.git/` and the checker's own folder. Hidden folders are checked: a `#[path]`
//! attribute can put one in the crate. Dangling symlinks (an editor's lock file) are skipped, as
//! cargo skips them.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf, absolute};
use std::process::Command;

/// A file to check: how to name it in the report, and where it is.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) display: String,
    pub(crate) path: PathBuf,
}

/// Where create-litclaude keeps this checker's sources in a project.
const TOOL_DIR: [&str; 2] = [".litclaude", "no-excuse"];

/// Folders a plain walk leaves out: build output, git's store and what create-litclaude owns.
const SKIPPED_DIRS: [&str; 3] = ["target", ".git", ".litclaude"];

fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./")
        .map_or_else(|| text.clone(), ToOwned::to_owned)
}

fn source(path: PathBuf) -> Source {
    Source {
        display: display(&path),
        path,
    }
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

/// A `.rs` file to check, or None for anything else, a dangling symlink included.
fn rust_file(path: &Path, shown: &str) -> Result<Option<()>, String> {
    if path.extension().is_none_or(|e| e != "rs") {
        return Ok(None);
    }
    match fs::metadata(path) {
        Ok(meta) => Ok(meta.is_file().then_some(())),
        Err(e) if e.kind() == ErrorKind::NotFound && fs::symlink_metadata(path).is_ok() => Ok(None),
        Err(e) => Err(format!("cannot read {shown}: {e}")),
    }
}

/// A file named on the command line is always checked (when it is a `.rs` file); a folder is
/// expanded as the module comment says.
pub(crate) fn collect(paths: &[String]) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for arg in paths {
        let path = PathBuf::from(arg);
        fs::symlink_metadata(&path).map_err(|e| format!("cannot read {arg}: {e}"))?;
        if fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            match git_files(&path)? {
                Some(files) => sources.extend(files),
                None => walk(&path, &mut sources)?,
            }
        } else if rust_file(&path, arg)?.is_some() {
            sources.push(source(path));
        }
    }
    sources.sort_by(|a, b| a.display.cmp(&b.display));
    sources.dedup_by(|a, b| a.display == b.display);
    Ok(sources)
}

/// The `.rs` files git sees under `dir`, or None when `dir` is not in a git work tree (or git is
/// not installed).
fn git_files(dir: &Path) -> Result<Option<Vec<Source>>, String> {
    let listed = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output();
    let Some(out) = listed.ok().filter(|o| o.status.success()) else {
        return Ok(None);
    };
    let warnings = String::from_utf8_lossy(&out.stderr);
    if let Some(line) = warnings.lines().find(|l| l.contains("could not open")) {
        return Err(format!(
            "cannot list the files under {}: git says {line}",
            dir.display()
        ));
    }
    let mut files = Vec::new();
    for name in out.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let rel = String::from_utf8_lossy(name);
        let parts: Vec<&str> = rel.split('/').collect();
        if parts.windows(2).any(|w| w == TOOL_DIR) {
            continue;
        }
        let path = dir.join(rel.as_ref());
        let shown = display(&path);
        match rust_file(&path, &shown) {
            Ok(Some(())) => files.push(source(path)),
            // Listed from the index but deleted from the work tree: cargo does not see it either.
            Ok(None) => {}
            Err(_) if fs::symlink_metadata(&path).is_err() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Some(files))
}

/// A plain walk without recursion, so no depth of folders can exhaust the stack.
fn walk(root: &Path, out: &mut Vec<Source>) -> Result<(), String> {
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let read = |e: std::io::Error| format!("cannot read {}: {e}", display(&dir));
        let entries: Vec<fs::DirEntry> = fs::read_dir(&dir)
            .map_err(read)?
            .collect::<Result<_, _>>()
            .map_err(read)?;
        for entry in entries {
            let name = entry.file_name();
            let name_text = name.to_string_lossy();
            let path = dir.join(&name);
            if entry.file_type().map_err(read)?.is_dir() {
                if !SKIPPED_DIRS.contains(&name_text.as_ref()) {
                    pending.push(path);
                }
            } else if rust_file(&path, &display(&path))?.is_some() {
                out.push(source(path));
            }
        }
    }
    Ok(())
}
