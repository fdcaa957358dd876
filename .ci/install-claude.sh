#!/usr/bin/env bash
# Installs the pinned Claude Code CLI that the plugin e2e test drives (`claude plugin ...` only,
# offline, no login). The npm package pulls a native binary for the platform as an optional
# dependency; linking that binary directly means neither its postinstall script nor a newer Node
# (the wrapper declares node >= 22) is needed.
# Idempotent: a claude already at the pinned version is left alone.
set -euo pipefail

CLAUDE_CODE_VERSION=2.1.332

install_dir=/opt/litclaude/claude-code
link=/usr/local/bin/claude

if [[ -x $link && "$("$link" --version 2>/dev/null)" == "$CLAUDE_CODE_VERSION "* ]]; then
  echo "claude already pinned in $link: $CLAUDE_CODE_VERSION"
  exit 0
fi

mkdir -p "$install_dir"
npm install --prefix "$install_dir" --ignore-scripts --no-audit --no-fund --loglevel=error \
  "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION"

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "install-claude: no Claude Code binary for $(uname -m)" >&2 && exit 1 ;;
esac
native="$install_dir/node_modules/@anthropic-ai/claude-code-linux-$arch/claude"
[[ -x $native ]] || native="$install_dir/node_modules/@anthropic-ai/claude-code-linux-$arch-musl/claude"
if [[ ! -x $native ]]; then
  echo "install-claude: the native package for linux-$arch was not installed under $install_dir" >&2
  exit 1
fi
ln -sf "$native" "$link"

echo "claude installed in $link: $("$link" --version)"
