"""Running jobs side by side with anyio task groups."""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence


async def run_all(
    jobs: Sequence[Callable[[], Awaitable[int]]], limit: int
) -> tuple[int, ...]:
    """Run every job, at most `limit` at a time; results keep the jobs' order."""
    results: dict[int, int] = {}
    gate = anyio.Semaphore(limit)

    async def one(index: int, job: Callable[[], Awaitable[int]]) -> None:
        async with gate:
            results[index] = await job()

    async with anyio.create_task_group() as group:
        for index, job in enumerate(jobs):
            group.start_soon(one, index, job)
    return tuple(results[index] for index in range(len(jobs)))


async def slow_value(value: int) -> int:
    """Wait a moment, then give value back."""
    await anyio.sleep(0.01)
    return value
