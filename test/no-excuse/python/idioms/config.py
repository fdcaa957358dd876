"""Reading the settings file: the one place JSON from outside becomes typed values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeGuard


class ConfigError(ValueError):
    """The settings text is not what this program expects; `field` names the culprit."""

    def __init__(self, field: str, problem: str) -> None:
        """Keep the field for the caller, and say what is wrong in the message."""
        super().__init__(f"{field}: {problem}")
        self.field: str = field


@dataclass(frozen=True, slots=True)
class Config:
    """Validated settings."""

    name: str
    workers: int


def _is_object(value: object) -> TypeGuard[dict[str, object]]:
    """Tell a JSON object from every other JSON value (json.loads keys are str)."""
    return isinstance(value, dict)


def parse_config(text: str) -> Config:
    """Parse settings from JSON text, or raise ConfigError."""
    raw: object = json.loads(text)  # pyright: ignore[reportAny] -- json.loads is typed Any
    if not _is_object(raw):
        raise ConfigError(field="(top)", problem="expected a JSON object")
    name = raw.get("name")
    workers = raw.get("workers", 1)
    if not isinstance(name, str) or not name:
        raise ConfigError(field="name", problem="expected a non-empty string")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        msg = f"expected a whole number above zero, not {workers!r}"
        raise ConfigError(field="workers", problem=msg)
    # TODO(ada): accept a list of extra paths once the reader needs one (#12)
    return Config(name=name, workers=workers)
