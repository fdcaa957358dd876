#!/usr/bin/env python3
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
    "frozen-dataclass": "domain dataclasses are frozen=True (and slots=True)",
    "noqa-needs-code": "# noqa without a code silences every rule on the line",
    "file-too-long": "split the module",
    "opt-out-needs-reason": "write no-excuse-ok: RULE -- REASON",
}


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One rule broken at one place; line and column count from 1."""

    line: int
    column: int
    rule: str
    message: str
