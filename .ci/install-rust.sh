#!/usr/bin/env bash
# Makes sure the Rust toolchain that generated Rust projects pin (rust-toolchain.toml) is usable:
# rustup, that toolchain, and its clippy and rustfmt components. Generated projects use no crates,
# so nothing else is needed. Idempotent: a complete toolchain is only reported, not touched.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
toolchain_file="$repo_root/templates/rust/common/rust-toolchain.toml"
# The template is the one place the version is written down.
toolchain="$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$toolchain_file")"
if [[ -z "$toolchain" ]]; then
  echo "install-rust: no channel found in $toolchain_file" >&2
  exit 1
fi

bin_dir=/usr/local/bin
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"

# rustup's proxies live in ~/.cargo/bin; link them where every later step finds them.
if ! command -v rustup >/dev/null 2>&1; then
  if [[ ! -x "$cargo_bin/rustup" ]]; then
    echo "install-rust: rustup is not installed (looked on PATH and in $cargo_bin)." >&2
    echo "install-rust: install rustup, then: rustup toolchain install $toolchain --profile minimal -c clippy,rustfmt" >&2
    exit 1
  fi
  for tool in rustup cargo rustc rustdoc cargo-clippy clippy-driver cargo-fmt rustfmt; do
    ln -sf "$cargo_bin/$tool" "$bin_dir/$tool"
  done
fi

# Captured first: with pipefail, grep -q closing the pipe early could fail rustup with SIGPIPE.
toolchains="$(rustup toolchain list)"
if ! grep -q "^$toolchain-" <<<"$toolchains"; then
  echo "install-rust: toolchain $toolchain is missing; asking rustup for it"
  if ! rustup toolchain install "$toolchain" --profile minimal -c clippy,rustfmt; then
    echo "install-rust: could not install Rust $toolchain. Where rustup cannot download," >&2
    echo "install-rust: provision it on the machine image instead." >&2
    exit 1
  fi
fi

installed="$(rustup component list --toolchain "$toolchain" --installed)"
for component in clippy rustfmt; do
  if ! grep -q "^$component" <<<"$installed"; then
    echo "install-rust: $component is missing from Rust $toolchain; asking rustup for it"
    if ! rustup component add --toolchain "$toolchain" "$component"; then
      echo "install-rust: could not add $component to Rust $toolchain: the gate of generated" >&2
      echo "install-rust: Rust projects needs it. Provision it on the machine image." >&2
      exit 1
    fi
  fi
done

echo "rust tools ready via $(dirname "$(command -v cargo)"): $(cargo "+$toolchain" --version), $(cargo "+$toolchain" clippy --version), $(cargo "+$toolchain" fmt --version)"
