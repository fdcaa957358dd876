#!/usr/bin/env python3
"""The rules that read comments: type/pyright ignores, noqa, and the opt-outs."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from scripts.no_excuse_model import RULES, Finding

# A module without these words has no comment that any rule here reads.
_MARKERS = re.compile(r"ignore|noqa|pyright|no-excuse-ok", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*(?:type|pyright)\s*:\s*ignore\b(?P<rest>.*)")
# The codes in brackets, then any text that is more than separators.
_IGNORE_OK = re.compile(r"\[\s*[\w.-]+(?:\s*,\s*[\w.-]+)*\s*\][\s#:-]*\w")
# A file-level pyright settings comment (basic, strict, reportAny=false, ...).
_PYRIGHT_CONFIG = re.compile(r"#\s*pyright\s*:\s*(?!ignore\b)\w")
_NOQA = re.compile(
    r"#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa\b(?P<rest>[^#]*)", re.IGNORECASE
)
_NOQA_OK = re.compile(r"\s*:\s*[A-Z]+[0-9]+")
_OPT_OUT = re.compile(r"#\s*no-excuse-ok\b(?P<rest>.*)")
_OPT_OUT_OK = re.compile(r"\s*:\s*(?P<rule>[a-z0-9-]+)\s+--\s+\S")
_OPT_OUT_RULE = re.compile(r"\s*:\s*(?P<rule>[a-z0-9-]+)")


@dataclass(frozen=True, slots=True)
class Comments:
    """What the comments of one file say: findings and the opt-outs that hold."""

    findings: list[Finding]
    opt_outs: frozenset[tuple[int, str]]


def _comments(text: str) -> list[tokenize.TokenInfo]:
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return [token for token in tokens if token.type == tokenize.COMMENT]


def _opt_out(
    line: int, column: int, rest: str, opt_outs: set[tuple[int, str]]
) -> Finding | None:
    if match := _OPT_OUT_OK.match(rest):
        rule = match.group("rule")
        if rule in RULES:
            opt_outs.add((line, rule))
            return None
        message = f"no-excuse-ok names unknown rule {rule!r}"
    elif match := _OPT_OUT_RULE.match(rest):
        message = (
            f"no-excuse-ok: {match.group('rule')} needs ' -- REASON' after the rule"
        )
    else:
        message = "no-excuse-ok needs ': RULE -- REASON'"
    return Finding(line, column, "opt-out-needs-reason", message)


def _suppressions(comment: str) -> list[tuple[int, str]]:
    """Find the checks a comment switches off without saying which or why."""
    found: list[tuple[int, str]] = []
    match = _IGNORE.search(comment)
    if match and not _IGNORE_OK.match(match.group("rest").strip()):
        found.append((match.start(), "type-ignore-needs-reason"))
    if match := _PYRIGHT_CONFIG.search(comment):
        found.append((match.start(), "no-pyright-config"))
    match = _NOQA.search(comment)
    if match and not _NOQA_OK.match(match.group("rest")):
        found.append((match.start(), "noqa-needs-code"))
    return found


def check_comments(text: str) -> Comments:
    """Read every comment token of a module that is known to parse."""
    findings: list[Finding] = []
    opt_outs: set[tuple[int, str]] = set()
    if not _MARKERS.search(text):
        return Comments(findings=findings, opt_outs=frozenset())
    for token in _comments(text):
        line, start = token.start
        comment = token.string
        findings.extend(
            Finding(line, start + offset + 1, rule, RULES[rule])
            for offset, rule in _suppressions(comment)
        )
        if match := _OPT_OUT.search(comment):
            column = start + match.start() + 1
            finding = _opt_out(line, column, match.group("rest"), opt_outs)
            if finding is not None:
                findings.append(finding)
    return Comments(findings=findings, opt_outs=frozenset(opt_outs))
