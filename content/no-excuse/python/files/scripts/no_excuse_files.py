#!/usr/bin/env python3
"""Find the Python files to check, honouring .gitignore files on the way down."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# Never project code, whatever .gitignore says (a missing .gitignore must not
# send the checker through a virtualenv).
_ALWAYS_SKIPPED = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, slots=True)
class _Pattern:
    base: Path
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


def _class_to_regex(body: str) -> str:
    if body.startswith("!"):
        body = "^" + body[1:]
    return "[" + body.replace("\\", "\\\\") + "]"


def _glob_to_regex(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) != -1:
            out.append(_class_to_regex(glob[i + 1 : end]))
            i = end + 1
        elif glob[i] == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def _parse_line(base: Path, raw: str) -> _Pattern | None:
    line = raw.rstrip("\n").rstrip(" ")
    if not line or line.startswith("#"):
        return None
    negate = line.startswith("!")
    line = line.removeprefix("!")
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    line = line.lstrip("/")
    if not line:
        return None
    body = _glob_to_regex(line)
    regex = re.compile(body if anchored else "(?:.*/)?" + body)
    return _Pattern(base=base, regex=regex, negate=negate, dir_only=dir_only)


def _load(directory: Path) -> list[_Pattern]:
    path = directory / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    parsed = (_parse_line(directory, line) for line in text.splitlines())
    return [pattern for pattern in parsed if pattern is not None]


def _ignored(patterns: list[_Pattern], path: Path, *, is_dir: bool) -> bool:
    ignored = False
    for pattern in patterns:
        if pattern.dir_only and not is_dir:
            continue
        try:
            relative = path.relative_to(pattern.base).as_posix()
        except ValueError:
            continue
        if pattern.regex.fullmatch(relative):
            ignored = not pattern.negate
    return ignored


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in _ALWAYS_SKIPPED


def _walk(directory: Path, inherited: list[_Pattern], out: list[Path]) -> None:
    patterns = inherited + _load(directory)
    with os.scandir(directory) as entries:
        ordered = sorted(entries, key=lambda entry: entry.name)
    for entry in ordered:
        path = directory / entry.name
        if entry.is_dir(follow_symlinks=False):
            if not _skipped(entry.name) and not _ignored(patterns, path, is_dir=True):
                _walk(path, patterns, out)
        elif entry.name.endswith(".py") and not _ignored(patterns, path, is_dir=False):
            out.append(path)


def _ancestor_patterns(root: Path, directory: Path) -> list[_Pattern]:
    if root not in directory.parents:
        return []
    patterns: list[_Pattern] = []
    for ancestor in reversed(directory.parents):
        if ancestor == root or root in ancestor.parents:
            patterns.extend(_load(ancestor))
    return patterns


def collect(root: Path, targets: list[Path]) -> list[Path]:
    """List the .py files named by targets; directories are walked, files kept."""
    found: list[Path] = []
    for target in targets:
        if not target.exists():
            raise FileNotFoundError(target)
        if target.is_dir():
            absolute = target.resolve()
            _walk(absolute, _ancestor_patterns(root, absolute), found)
        elif target.suffix == ".py":
            found.append(target.resolve())
    return sorted(set(found))
