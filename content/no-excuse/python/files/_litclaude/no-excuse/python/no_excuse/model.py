"""The finding record and the rule catalogue shared by every part of the checker."""

from __future__ import annotations

from dataclasses import dataclass

RULES: dict[str, str] = {
    "no-any": "Any switches type checking off; name the type or take object and narrow",
    "no-cast": "cast() asserts a type without checking it; narrow with isinstance",
    "type-ignore-needs-reason": "a type: or pyright: ignore needs [rule] and a reason",
    "no-pyright-config": "a # pyright: comment relaxes the type checker for the file",
    "no-asyncio": "asyncio is banned here; use anyio",
    "no-bare-except": "bare except: also catches KeyboardInterrupt and SystemExit",
    "no-empty-except": "an except whose body is only pass hides the failure",
    "no-mutable-default": "a mutable default is shared between calls",
    "frozen-dataclass": "domain dataclasses are frozen=True and slots=True",
    "noqa-needs-code": "# noqa without a code silences every rule on the line",
    "file-too-long": "split the module",
    "opt-out-needs-reason": "write no-excuse-ok: RULE -- REASON",
    "stale-opt-out": "this opt-out silences nothing: remove it",
}

# Rules ruff reports on the same line under these codes: there ruff's noqa with the code
# and a reason (" -- why") is the one opt-out, so nobody writes two comments.
NATIVE_CODES: dict[str, frozenset[str]] = {
    "no-cast": frozenset({"TID251"}),
    "no-asyncio": frozenset({"TID251"}),
    "no-bare-except": frozenset({"E722"}),
    "no-empty-except": frozenset({"S110"}),
    "no-mutable-default": frozenset({"B006", "B008"}),
}

# Ruff flags every one of these, so `no-excuse-ok` alone would leave the gate red.
NATIVE_ONLY = frozenset({"no-cast", "no-asyncio", "no-bare-except"})

# Rules with no opt-out at all, and why.
NO_OPT_OUT: dict[str, str] = {
    "no-any": "Any spreads past its line under basedpyright; no comment contains it",
    "type-ignore-needs-reason": "write the rule and the reason into the ignore itself",
    "noqa-needs-code": "name the code in the noqa",
    "opt-out-needs-reason": "write the reason",
    "stale-opt-out": "remove the opt-out",
}


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One rule broken at one place; line and column count from 1."""

    line: int
    column: int
    rule: str
    message: str
