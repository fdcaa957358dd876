#!/usr/bin/env bash
# shellcheck, from Debian's packages: actionlint runs it over the run steps of generated
# workflows, and skips that silently when it is missing.
set -euo pipefail
if command -v shellcheck >/dev/null 2>&1; then
  echo "shellcheck already installed: $(shellcheck --version | sed -n 's/^version: //p')"
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
echo "shellcheck installed: $(shellcheck --version | sed -n 's/^version: //p')"
