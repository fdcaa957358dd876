#!/usr/bin/env bash
# Installs the pinned tools the gate of generated Go projects needs: golangci-lint (its version is
# read from the template's scripts/golangci-lint, the one place it is written) and actionlint for the
# generated workflows. Both are built from the Go module proxy with `go install`.
# Idempotent: a tool already at its pinned version is left alone.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
ACTIONLINT_VERSION=1.7.12
GO_FLOOR=1.26
bin_dir=/usr/local/bin

golangci_version="$(sed -n 's/^readonly version="\(.*\)"$/\1/p' "$repo_root/templates/go/common/scripts/golangci-lint")"
if [[ -z "$golangci_version" ]]; then
  echo "install-go: no version found in templates/go/common/scripts/golangci-lint" >&2
  exit 1
fi

# The Go toolchain comes with the machine image; link it where every later step finds it.
if ! command -v go >/dev/null 2>&1; then
  if [[ ! -x /usr/local/go/bin/go ]]; then
    echo "install-go: Go is not installed (looked on PATH and in /usr/local/go/bin)." >&2
    echo "install-go: provision Go >= $GO_FLOOR on the machine image." >&2
    exit 1
  fi
  ln -sf /usr/local/go/bin/go /usr/local/go/bin/gofmt "$bin_dir/"
fi
go_version="$(go env GOVERSION)"
if [[ "$(printf '%s\n' "go$GO_FLOOR" "$go_version" | sort -V | head -n 1)" != "go$GO_FLOOR" ]]; then
  echo "install-go: $go_version is older than the go $GO_FLOOR that generated projects need." >&2
  exit 1
fi

# Build with the local toolchain only: no toolchain downloads behind our back.
export GOTOOLCHAIN=local

if [[ "$("$bin_dir/golangci-lint" version --short 2>/dev/null || true)" != "$golangci_version" ]]; then
  echo "install-go: building golangci-lint v$golangci_version (a few minutes on 2 cores)"
  GOBIN="$bin_dir" go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v$golangci_version"
fi

if [[ "$("$bin_dir/actionlint" -version 2>/dev/null | head -n 1 || true)" != "v$ACTIONLINT_VERSION" ]]; then
  echo "install-go: building actionlint v$ACTIONLINT_VERSION"
  GOBIN="$bin_dir" go install "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
fi

echo "go tools ready in $bin_dir: $go_version, golangci-lint $("$bin_dir/golangci-lint" version --short), actionlint $("$bin_dir/actionlint" -version | head -n 1)"
