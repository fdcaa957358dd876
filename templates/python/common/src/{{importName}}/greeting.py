"""Greetings: a small domain module that shows the house rules at work."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NewType

import anyio
import anyio.lowlevel

# A distinct type for a validated name: a plain str cannot be passed where a
# PersonName is expected, so every PersonName went through parse_name.
PersonName = NewType("PersonName", str)


class InvalidNameError(ValueError):
    """A name that is empty once surrounding whitespace is removed."""

    def __init__(self, raw: str) -> None:
        """Keep the rejected text so the boundary can report it."""
        super().__init__(f"not a usable name: {raw!r}")
        self.raw: str = raw


def parse_name(raw: str) -> PersonName:
    """Validate untrusted text into a PersonName, or raise InvalidNameError."""
    stripped = raw.strip()
    if not stripped:
        raise InvalidNameError(raw)
    return PersonName(stripped)


@dataclass(frozen=True, slots=True)
class Greeting:
    """A greeting for one person; immutable, so it can be shared freely."""

    name: PersonName
    punctuation: str = "!"

    def render(self) -> str:
        """Return the text of the greeting."""
        return f"Hello, {self.name}{self.punctuation}"


async def greet_all(names: Iterable[PersonName]) -> tuple[Greeting, ...]:
    """Greet every name concurrently and return the greetings in input order.

    Each greeting stands in for an I/O-bound step; the task group guarantees
    that no task outlives this call, and a failure in one cancels the rest.
    """
    ordered = tuple(names)
    done: dict[int, Greeting] = {}

    async def greet_one(index: int, name: PersonName) -> None:
        await anyio.lowlevel.checkpoint()
        done[index] = Greeting(name)

    async with anyio.create_task_group() as group:
        for index, name in enumerate(ordered):
            _ = group.start_soon(greet_one, index, name)
    return tuple(done[index] for index in range(len(ordered)))
