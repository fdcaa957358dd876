#!/usr/bin/env bash
# Installs the pinned Python toolchain that generated Python projects gate with
# (uv runs everything; ruff and basedpyright are also the project's dev dependencies).
# Idempotent: a tool already at its pinned version is left alone.
set -euo pipefail

UV_VERSION=0.13.9
RUFF_VERSION=0.17.6
BASEDPYRIGHT_VERSION=1.40.2

tools_dir=/opt/litclaude/python-tools
bin_dir=/usr/local/bin

has_version() { # tool, expected version
  command -v "$1" >/dev/null 2>&1 && [[ "$("$1" --version 2>/dev/null)" == *" $2"* ]]
}

if has_version uv "$UV_VERSION" && has_version ruff "$RUFF_VERSION" &&
  has_version basedpyright "$BASEDPYRIGHT_VERSION"; then
  echo "python tools already pinned in $bin_dir: uv $UV_VERSION, ruff $RUFF_VERSION, basedpyright $BASEDPYRIGHT_VERSION"
  exit 0
fi

# A venv of their own keeps the tools out of whichever interpreter happens to be on PATH.
python3 -m venv "$tools_dir"
"$tools_dir/bin/pip" install --quiet --disable-pip-version-check \
  "uv==$UV_VERSION" "ruff==$RUFF_VERSION" "basedpyright==$BASEDPYRIGHT_VERSION"
for tool in uv uvx ruff basedpyright; do
  ln -sf "$tools_dir/bin/$tool" "$bin_dir/$tool"
done

echo "python tools installed in $bin_dir: $(uv --version), $(ruff --version), $(basedpyright --version | head -n 1)"
