import type { LanguageEntry } from "./answers.js";
import { COMBINED_GATE_MARK } from "../merge/gate.js";
import { shellLine } from "./shell-words.js";

function gatePath(entry: LanguageEntry): string {
  return entry.dir === "." ? `scripts/check-${entry.lang}` : `${entry.dir}/scripts/check`;
}

/**
 * The root `scripts/check` of a repo `add` changed: each language's own gate in its folder, in
 * record order, stopping at the first failure; the last line is `OK` or `FAILED: <lang>/<step>`.
 */
export function combinedGate(languages: readonly LanguageEntry[]): string {
  const runs = languages.map((entry) => `gate ${shellLine([entry.lang, gatePath(entry)])}`);
  return `#!/usr/bin/env bash
${COMBINED_GATE_MARK}: runs each language's gate in its folder; rewritten by each add.
# The last line says how it went: OK, or FAILED: <lang>/<step>.
set -uo pipefail
cd "$(dirname "$0")/.."

gate() {
  local lang=$1 script=$2 log step
  echo "==> $lang ($script)"
  log=$(mktemp)
  if "$script" 2>&1 | tee "$log"; then
    rm -f "$log"
    return 0
  fi
  step=$(sed -n 's/^FAILED: //p' "$log" | tail -n 1)
  rm -f "$log"
  echo "FAILED: $lang/\${step:-gate}"
  exit 1
}

${runs.join("\n")}
echo "OK"
`;
}
