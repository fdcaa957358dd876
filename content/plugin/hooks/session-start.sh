#!/usr/bin/env bash
# SessionStart hook: what it prints becomes context for the agent.
set -u
project=${CLAUDE_PROJECT_DIR:-$PWD}
if [[ -x $project/scripts/check ]]; then
  echo "This repository is strict (litclaude). The whole gate is scripts/check (format, lint, types, no-excuse, tests); run it before you report work as done. Every edited file is checked by scripts/no-excuse; fix its findings at once. The rules are in AGENTS.md and the litclaude programming skill."
else
  echo "litclaude: no executable scripts/check in $project; follow AGENTS.md for how to check this repository."
fi
exit 0
