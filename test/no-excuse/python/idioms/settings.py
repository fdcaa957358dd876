"""The settings file, validated where it enters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, PositiveInt


class _SettingsIn(BaseModel):
    """The settings file's shape, as it arrives."""

    model_config: ClassVar[ConfigDict] = ConfigDict(frozen=True, extra="forbid")

    name: str
    workers: PositiveInt = 1


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated settings, free of pydantic."""

    name: str
    workers: int


def read_settings(text: str) -> Settings:
    """Validate JSON text; pydantic.ValidationError says what is wrong."""
    parsed = _SettingsIn.model_validate_json(text)
    return Settings(name=parsed.name, workers=parsed.workers)
