"""Tests of the settings boundary."""

import pydantic
import pytest

from IMPORT_NAME.settings import Settings, read_settings


def test_reads_valid_settings() -> None:
    assert read_settings('{"name": "x"}') == Settings(name="x", workers=1)


def test_rejects_zero_workers() -> None:
    with pytest.raises(pydantic.ValidationError):
        _ = read_settings('{"name": "x", "workers": 0}')
