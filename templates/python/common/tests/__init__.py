"""Tests, run by pytest from scripts/check."""
