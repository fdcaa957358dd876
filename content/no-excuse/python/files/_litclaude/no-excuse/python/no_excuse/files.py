"""Find the Python files to check: git's own list in a work tree, a plain walk outside.

Inside git, `git ls-files --cached --others --exclude-standard` answers what .gitignore
files, .git/info/exclude and the global excludes leave in, exactly as git reads them.
Outside git there is nothing to ask, so the walk takes every file except dot folders and
the folders below.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# Never project code: ruff's default excludes that matter here, and this checker's home.
_EXCLUDED = frozenset(
    {
        ".litclaude",
        ".git",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        "site-packages",
        "__pypackages__",
    }
)
_NOT_A_REPOSITORY = 128
# How git ls-files says it had to leave a folder out.
_UNREADABLE = re.compile(r"could not open directory '(?P<path>.*)': (?P<reason>.*)")


@dataclass(frozen=True, slots=True)
class Collected:
    """The files found, and the folders that could not be read, with the reason."""

    files: tuple[Path, ...]
    problems: tuple[str, ...]


def _wanted(relative: str) -> bool:
    parts = relative.split("/")
    return parts[-1].endswith(".py") and not _EXCLUDED & set(parts[:-1])


def _git_files(directory: Path) -> Collected | None:
    """Ask git for the files under directory; None when it is not inside a work tree."""
    command = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    try:
        done = subprocess.run(  # noqa: S603 -- a fixed git command, no shell
            command, cwd=directory, capture_output=True, check=False
        )
    except OSError:
        return None  # no git at all: walk instead
    if done.returncode == _NOT_A_REPOSITORY and b"not a git repository" in done.stderr:
        return None
    if done.returncode != 0:
        reason = os.fsdecode(done.stderr).strip() or f"exit {done.returncode}"
        return Collected(
            files=(), problems=(f"{directory}: git ls-files failed: {reason}",)
        )
    unreadable = (
        _UNREADABLE.search(line) for line in os.fsdecode(done.stderr).splitlines()
    )
    problems = tuple(
        f"{directory / m.group('path')}: cannot read the folder: {m.group('reason')}"
        for m in unreadable
        if m
    )
    names = (os.fsdecode(name) for name in done.stdout.split(b"\0") if name)
    # A file deleted but still in the index, a dangling symlink, a submodule: no file.
    files = tuple(
        directory / name
        for name in names
        if _wanted(name) and (directory / name).is_file()
    )
    return Collected(files=files, problems=problems)


def _walk(top: Path) -> Collected:
    """Walk without recursion, so no nesting depth can exhaust the stack."""
    files: list[Path] = []
    problems: list[str] = []
    pending = [top]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError as error:
            problems.append(f"{directory}: cannot read the folder: {error.strerror}")
            continue
        for entry in entries:
            path = directory / entry.name
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(".") and entry.name not in _EXCLUDED:
                    pending.append(path)
            elif entry.name.endswith(".py") and path.is_file():
                files.append(path)
    return Collected(files=tuple(files), problems=tuple(problems))


def collect(targets: list[Path]) -> Collected:
    """List the .py files named by targets; folders are listed, files kept as given."""
    files: list[Path] = []
    problems: list[str] = []
    for target in targets:
        if not target.exists():
            raise FileNotFoundError(target)
        if target.is_dir():
            absolute = target.resolve()
            found = _git_files(absolute) or _walk(absolute)
            files.extend(found.files)
            problems.extend(found.problems)
        elif target.suffix == ".py":
            files.append(target.resolve())
    return Collected(files=tuple(sorted(set(files))), problems=tuple(problems))
