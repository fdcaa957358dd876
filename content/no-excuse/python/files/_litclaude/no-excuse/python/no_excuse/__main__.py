"""`python -m no_excuse`: what scripts/no-excuse runs."""

from __future__ import annotations

import sys

from no_excuse.cli import main

sys.exit(main(sys.argv[1:]))
