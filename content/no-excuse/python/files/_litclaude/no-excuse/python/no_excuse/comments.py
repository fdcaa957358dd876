"""The rules that read comments: type/pyright ignores, noqa, and the opt-outs."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from no_excuse.model import NATIVE_CODES, NATIVE_ONLY, NO_OPT_OUT, RULES, Finding

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
# A noqa's codes as ruff reads them ("E722, S110"), then the reason (" -- why") that
# makes the comment an opt-out.
_NOQA_CODES = re.compile(
    r"\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)(?P<reason>\s+--\s+\S)?"
)
_OPT_OUT = re.compile(r"#\s*no-excuse-ok\b(?P<rest>.*)")
_OPT_OUT_OK = re.compile(r"\s*:\s*(?P<rule>[a-z0-9-]+)\s+--\s+\S")
_OPT_OUT_RULE = re.compile(r"\s*:\s*(?P<rule>[a-z0-9-]+)")


@dataclass(frozen=True, slots=True)
class Comments:
    """What the comments of one file say: findings, and the opt-outs by (line, rule)."""

    findings: list[Finding]
    # Each no-excuse-ok that holds, with its column; it covers its line and the next.
    opt_outs: dict[tuple[int, str], int]
    # A noqa with codes and a reason, by line and the no-excuse rule a code stands for.
    native: frozenset[tuple[int, str]]
    # The same without a reason: it silences ruff, but not no-excuse.
    unexplained: frozenset[tuple[int, str]]


def _comments(text: str) -> list[tokenize.TokenInfo]:
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return [token for token in tokens if token.type == tokenize.COMMENT]


def _opt_out_problem(rest: str) -> tuple[str | None, str | None]:
    """Read what follows `no-excuse-ok`: the rule it holds for, or what is wrong."""
    if match := _OPT_OUT_OK.match(rest):
        rule = match.group("rule")
        if rule not in RULES:
            return None, f"no-excuse-ok names unknown rule {rule!r}"
        if rule in NO_OPT_OUT:
            return None, f"{rule} has no opt-out: {NO_OPT_OUT[rule]}"
        if rule in NATIVE_ONLY:
            codes = ", ".join(sorted(NATIVE_CODES[rule]))
            hint = f"write `# noqa: {codes} -- REASON`, which ruff needs too"
            return None, f"{rule} is opted out by ruff's own comment: {hint}"
        return rule, None
    if match := _OPT_OUT_RULE.match(rest):
        rule = match.group("rule")
        return None, f"no-excuse-ok: {rule} needs ' -- REASON' after the rule"
    return None, "no-excuse-ok needs ': RULE -- REASON'"


def _native(line: int, rest: str) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """Map a `# noqa: CODES` to the rules it stands for: with a reason, and without."""
    match = _NOQA_CODES.match(rest)
    if not match:
        return set(), set()
    codes = set(re.split(r"[\s,]+", match.group("codes")))
    rules = {(line, rule) for rule, native in NATIVE_CODES.items() if codes & native}
    return (rules, set()) if match.group("reason") else (set(), rules)


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
    opt_outs: dict[tuple[int, str], int] = {}
    native: set[tuple[int, str]] = set()
    unexplained: set[tuple[int, str]] = set()
    if not _MARKERS.search(text):
        return Comments(findings, opt_outs, frozenset(), frozenset())
    for token in _comments(text):
        line, start = token.start
        comment = token.string
        findings.extend(
            Finding(line, start + offset + 1, rule, RULES[rule])
            for offset, rule in _suppressions(comment)
        )
        if match := _NOQA.search(comment):
            explained, bare = _native(line, match.group("rest"))
            native |= explained
            unexplained |= bare
        if match := _OPT_OUT.search(comment):
            column = start + match.start() + 1
            rule, problem = _opt_out_problem(match.group("rest"))
            if rule is not None:
                opt_outs[line, rule] = column
            else:
                findings.append(
                    Finding(line, column, "opt-out-needs-reason", problem or "")
                )
    return Comments(findings, opt_outs, frozenset(native), frozenset(unexplained))


def _explain(finding: Finding, comments: Comments) -> Finding:
    if (finding.line, finding.rule) not in comments.unexplained:
        return finding
    message = (
        f"{finding.message} (the noqa here needs ' -- REASON' to count as the opt-out)"
    )
    return Finding(finding.line, finding.column, finding.rule, message)


def apply_opt_outs(found: set[Finding], comments: Comments) -> list[Finding]:
    """Drop what the opt-outs cover; report each no-excuse-ok that covers nothing."""
    kept: list[Finding] = []
    used: set[tuple[int, str]] = set()
    for finding in found:
        key = (finding.line, finding.rule)
        above = (finding.line - 1, finding.rule)
        if key in comments.native:
            continue
        if key in comments.opt_outs or above in comments.opt_outs:
            used.add(key if key in comments.opt_outs else above)
            continue
        kept.append(_explain(finding, comments))
    kept.extend(
        Finding(
            line, column, "stale-opt-out", f"no {rule} finding here or below: remove it"
        )
        for (line, rule), column in comments.opt_outs.items()
        if (line, rule) not in used
    )
    return sorted(kept)
