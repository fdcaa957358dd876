"""no-excuse for Python: the escape hatches ruff and basedpyright let through.

create-litclaude owns this folder; scripts/no-excuse is the entry point.
"""
