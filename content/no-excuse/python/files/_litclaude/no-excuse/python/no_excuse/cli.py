"""no-excuse for Python: report the escape hatches that ruff and pyright let through.

Run it through scripts/no-excuse; `--help` prints the usage.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import tokenize
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from no_excuse.comments import apply_opt_outs, check_comments
from no_excuse.files import collect
from no_excuse.model import Finding
from no_excuse.syntax import check_syntax

USAGE = """usage: scripts/no-excuse [PATH...] [--json] [--max-lines N]
  PATH         files or directories to check (default: the whole project)
  --json       print one JSON object instead of text
  --max-lines  longest allowed file (default 250, or NO_EXCUSE_MAX_LINES)
exit status: 0 clean, 1 findings, 2 usage or unreadable input
"""
_DEFAULT_MAX_LINES = 250
# Above this a module is reported unread, so one file never costs the editing hook
# more than a few tenths of a second (a 50 MB module took a minute and gigabytes).
MAX_BYTES = 64 * 1024
# The project this copy lives in: <root>/.litclaude/no-excuse/python/no_excuse/.
ROOT = Path(__file__).resolve().parents[4]


class UsageError(Exception):
    """The command line or an input file cannot be used; the exit status is 2."""


@dataclass(frozen=True, slots=True)
class Options:
    """The parsed command line."""

    paths: list[str]
    json: bool
    max_lines: int
    help: bool


def _max_lines(text: str, source: str) -> int:
    if not text.isdigit() or int(text) < 1:
        message = f"{source} needs a whole number above zero, not {text!r}"
        raise UsageError(message)
    return int(text)


def parse_options(argv: list[str], env_max_lines: str) -> Options:
    """Turn the arguments (and NO_EXCUSE_MAX_LINES) into Options."""
    paths: list[str] = []
    flags: set[str] = set()
    max_lines = _DEFAULT_MAX_LINES
    if env_max_lines:
        max_lines = _max_lines(env_max_lines, "NO_EXCUSE_MAX_LINES")
    args = iter(argv)
    for arg in args:
        if arg in {"--json", "--help", "-h"}:
            flags.add(arg)
        elif arg == "--max-lines":
            max_lines = _max_lines(next(args, ""), "--max-lines")
        elif arg.startswith("--max-lines="):
            max_lines = _max_lines(arg.removeprefix("--max-lines="), "--max-lines")
        elif arg.startswith("-") and arg != "-":
            message = f"unknown option {arg}"
            raise UsageError(message)
        else:
            paths.append(arg)
    help_asked = bool(flags & {"--help", "-h"})
    return Options(paths, json="--json" in flags, max_lines=max_lines, help=help_asked)


def _is_test(relative: str) -> bool:
    """Tell test code by pytest's conventions, from a path inside the project."""
    path = PurePosixPath(relative)
    name = path.name
    in_tests = bool({"test", "tests"} & set(path.parts[:-1]))
    return in_tests or name.startswith("test_") or name.endswith("_test.py")


def check_file(path: str, text: str, max_lines: int, *, is_test: bool) -> list[Finding]:
    """Check one module's text; a syntax error is a UsageError."""
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        message = f"{path}:{error.lineno}:{error.offset}: cannot parse: {error.msg}"
        raise UsageError(message) from error
    except (RecursionError, MemoryError) as error:
        # CPython's own parser gives up here too: the module could never be imported.
        message = f"{path}: cannot parse: nested too deeply for Python's parser"
        raise UsageError(message) from error
    try:
        comments = check_comments(text)
    except tokenize.TokenError as error:
        message = f"{path}: cannot read its comments: {error}"
        raise UsageError(message) from error
    found = {*check_syntax(tree, is_test=is_test), *comments.findings}
    line_count = len(text.splitlines())
    if line_count > max_lines:
        message = f"{line_count} lines, the limit is {max_lines}: split the module"
        found.add(Finding(1, 1, "file-too-long", message))
    return apply_opt_outs(found, comments)


def _shown(path: Path, cwd: Path) -> str:
    return path.relative_to(cwd).as_posix() if cwd in path.parents else path.as_posix()


def _report(results: list[tuple[str, Finding]], files: int, *, as_json: bool) -> str:
    if as_json:
        rows = [
            {
                "path": p,
                "line": f.line,
                "column": f.column,
                "rule": f.rule,
                "message": f.message,
            }
            for p, f in results
        ]
        return json.dumps({"files": files, "findings": rows}, indent=2) + "\n"
    lines = [f"{p}:{f.line}:{f.column} {f.rule} {f.message}" for p, f in results]
    touched = len({p for p, _ in results})
    summary = f"no-excuse: {len(results)} finding(s) in {touched} of {files} file(s)"
    if not results:
        summary = f"no-excuse: {files} file(s) checked, no findings"
    return "\n".join([*lines, summary]) + "\n"


def _too_large(path: Path) -> Finding | None:
    size = path.stat().st_size
    if size <= MAX_BYTES:
        return None
    message = f"{size} bytes, over the {MAX_BYTES} this checker reads: split the module"
    return Finding(1, 1, "file-too-long", message)


def _check_path(path: Path, shown: str, options: Options) -> list[Finding]:
    try:
        if too_large := _too_large(path):
            return [too_large]
        # tokenize.open honours a BOM and a coding cookie, as the interpreter does.
        with tokenize.open(path) as source:
            text = source.read()
    except (OSError, UnicodeDecodeError, SyntaxError) as error:
        message = f"{shown}: cannot read: {error}"
        raise UsageError(message) from error
    inside = _shown(path, ROOT) if ROOT in path.parents else shown
    return check_file(shown, text, options.max_lines, is_test=_is_test(inside))


def run(options: Options, cwd: Path) -> tuple[int, str, list[str]]:
    """Check the files the options name: the exit status, the report, the errors."""
    targets = [cwd / p for p in options.paths] or [ROOT]
    try:
        collected = collect(targets)
    except FileNotFoundError as error:
        message = f"no such file or directory: {_shown(Path(str(error)), cwd)}"
        raise UsageError(message) from error
    files = collected.files
    results: list[tuple[str, Finding]] = []
    errors: list[str] = list(collected.problems)
    for path in files:
        shown = _shown(path, cwd)
        try:
            found = _check_path(path, shown, options)
        except UsageError as error:
            errors.append(str(error))
            continue
        results.extend((shown, f) for f in found)
    status = 2 if errors else 1 if results else 0
    return status, _report(results, len(files), as_json=options.json), errors


def main(argv: list[str]) -> int:
    """Run the checker as a command; return its exit status."""
    try:
        options = parse_options(argv, os.environ.get("NO_EXCUSE_MAX_LINES", ""))
        if options.help:
            _ = sys.stdout.write(USAGE)
            return 0
        status, report, errors = run(options, Path.cwd().resolve())
    except UsageError as error:
        _ = sys.stderr.write(f"no-excuse: {error}\n")
        return 2
    except Exception as error:  # noqa: BLE001 -- the boundary: a bug must not look like findings
        trace = "".join(traceback.format_exception(error))
        _ = sys.stderr.write(
            f"{trace}no-excuse: internal error: {error!r}; please report it\n"
        )
        return 2
    _ = sys.stdout.write(report)
    _ = sys.stderr.writelines(f"no-excuse: {error}\n" for error in errors)
    return status
