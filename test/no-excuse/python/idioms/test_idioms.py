"""Tests of the config boundary and the task group."""

from functools import partial

import pytest

from IMPORT_NAME.config import Config, ConfigError, parse_config
from IMPORT_NAME.fetch import run_all, slow_value


def test_parses_a_valid_config() -> None:
    assert parse_config('{"name": "x", "workers": 2}') == Config(name="x", workers=2)


def test_names_the_bad_field() -> None:
    with pytest.raises(ConfigError) as caught:
        _ = parse_config('{"name": "x", "workers": 0}')
    assert caught.value.field == "workers"


@pytest.mark.anyio
async def test_runs_jobs_in_order() -> None:
    jobs = [partial(slow_value, n) for n in (3, 1, 2)]
    assert await run_all(jobs, limit=2) == (3, 1, 2)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
