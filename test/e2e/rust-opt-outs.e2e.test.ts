import { mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectGateFailsAt, expectGateGreen, REPO_ROOT, scaffold } from "./support.js";

// Both projects of this file share one build cache (the checker's binary is keyed by its sources).
process.env["CARGO_TARGET_DIR"] ??= mkdtempSync(join(tmpdir(), "litclaude-rust-e2e-target-"));

const SCAFFOLD_TIMEOUT = 300_000;
const GATE_TIMEOUT = 180_000;
const EXCUSED = join("src", "excused.rs");

/**
 * One module holding every rule's violation under the one opt-out AGENTS.md documents for it,
 * long enough that file-too-long applies too.
 */
async function excusedModule(): Promise<string> {
  const text = await readFile(
    join(REPO_ROOT, "test", "e2e", "rust-fixtures", "excused.rs"),
    "utf8",
  );
  return text + "// padding\n".repeat(200);
}

interface Unexcused {
  readonly rule: string;
  /** The opt-out as documented, and the same opt-out without its reason. */
  readonly from: string;
  readonly to: string;
  readonly step: "lint" | "no-excuse";
  readonly reason: string;
}

const EXPECT_WITHOUT_REASON = "`expect` attribute without specifying a reason";

const unexcused: readonly Unexcused[] = [
  ...(
    [
      ["no-unwrap", "clippy::unwrap_used", "the caller checked"],
      ["no-expect", "clippy::expect_used", "the caller checked"],
      ["no-panic", "clippy::panic", "a panic on purpose"],
      ["no-todo", "clippy::todo", "unfinished on purpose"],
    ] as const
  ).map(([rule, lint, why]) => ({
    rule,
    from: `#[expect(${lint}, reason = "planted: ${why}")]`,
    to: `#[expect(${lint})]`,
    step: "lint" as const,
    reason: EXPECT_WITHOUT_REASON,
  })),
  {
    rule: "no-numeric-cast",
    from: '#[expect(\n    clippy::as_conversions,\n    clippy::cast_possible_truncation,\n    reason = "planted: From is not const"\n)]',
    to: "#[expect(clippy::as_conversions, clippy::cast_possible_truncation)]",
    step: "lint",
    reason: EXPECT_WITHOUT_REASON,
  },
  {
    rule: "no-ignored-error",
    from: '#[expect(\n        clippy::let_underscore_must_use,\n        reason = "planted: best-effort clean-up"\n    )]',
    to: "#[expect(clippy::let_underscore_must_use)]",
    step: "lint",
    reason: EXPECT_WITHOUT_REASON,
  },
  {
    rule: "no-crate-allow",
    from: "// no-excuse-ok: no-crate-allow -- planted: a module-wide exception on purpose",
    to: "// no-excuse-ok: no-crate-allow",
    step: "no-excuse",
    reason: "src/excused.rs:3:1 opt-out-needs-reason",
  },
  {
    rule: "file-too-long",
    from: "// no-excuse-ok: file-too-long -- planted: this file is long on purpose",
    to: "// no-excuse-ok: file-too-long",
    step: "no-excuse",
    reason: "src/excused.rs:1:1 opt-out-needs-reason",
  },
];

describe("rust opt-outs: one per rule, with a reason", () => {
  let dir = "";

  beforeAll(async () => {
    ({ dir } = await scaffold("rust", "lib"));
    const lib = join(dir, "src", "lib.rs");
    await writeFile(lib, `${await readFile(lib, "utf8")}\npub mod excused;\n`);
    await writeFile(join(dir, EXCUSED), await excusedModule());
  }, SCAFFOLD_TIMEOUT);

  it(
    "turns the whole gate green for every rule's planted violation",
    async () => {
      await expectGateGreen(dir);
    },
    GATE_TIMEOUT,
  );

  it.each(unexcused)(
    "keeps the gate red at $step when the $rule opt-out has no reason",
    async ({ from, to, step, reason }) => {
      await expectGateFailsAt(dir, {
        path: EXCUSED,
        content: (old) => {
          expect(old).toContain(from);
          return old.replace(from, to);
        },
        step,
        reason,
      });
    },
    GATE_TIMEOUT,
  );

  it(
    "fails a reasoned #[expect] that silences nothing (rustc reports it unfulfilled)",
    async () => {
      await expectGateFailsAt(dir, {
        path: EXCUSED,
        content: (old) =>
          `${old}\n/// Planted.\n#[expect(clippy::unwrap_used, reason = "planted: stale")]\npub const STALE: u8 = 1;\n`,
        step: "lint",
        reason: "this lint expectation is unfulfilled",
      });
    },
    GATE_TIMEOUT,
  );

  it(
    "reports an opt-out that silences nothing",
    async () => {
      await expectGateFailsAt(dir, {
        path: EXCUSED,
        content: (old) => `${old}// no-excuse-ok: no-crate-allow -- planted: nothing to silence\n`,
        step: "no-excuse",
        reason: "opt-out-unused",
      });
    },
    GATE_TIMEOUT,
  );
});
