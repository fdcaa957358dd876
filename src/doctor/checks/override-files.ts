import { posix } from "node:path";
import { parseTomlDoc } from "../parse/toml.js";
import type { Check, CheckContext, Finding } from "../types.js";
import { inUnit } from "./common.js";

/** Files that, where they appear, take over from the settings the baseline keeps elsewhere. */
const OVERRIDES: Readonly<Record<string, { readonly tool: string; readonly replaces: string }>> = {
  "ruff.toml": { tool: "ruff", replaces: "[tool.ruff] in pyproject.toml" },
  ".ruff.toml": { tool: "ruff", replaces: "[tool.ruff] in pyproject.toml" },
  "pyrightconfig.json": { tool: "basedpyright", replaces: "[tool.basedpyright] in pyproject.toml" },
};

function inside(context: CheckContext, path: string): boolean {
  const dir = context.unit.dir;
  return (dir === "." || path.startsWith(`${dir}/`)) && !path.includes("node_modules/");
}

/** A ruff.toml or pyrightconfig.json the baseline lacks: the tool reads it instead of pyproject.toml. */
export const checkPythonOverrides: Check = (context) => {
  const findings: Finding[] = [];
  for (const path of context.files) {
    const override = OVERRIDES[posix.basename(path)];
    if (override === undefined || !inside(context, path) || context.baseline.has(path)) continue;
    findings.push({
      id: `${override.tool}/config-file`,
      file: path,
      line: 1,
      baseline: `${override.tool} configured by ${override.replaces}`,
      current: `${path} takes its place for ${posix.dirname(path) === "." ? "the project" : `${posix.dirname(path)}/`}`,
      fix: `delete ${path} and keep ${override.tool}'s settings in ${override.replaces}`,
    });
  }
  return Promise.resolve(findings);
};

const LOWERING = /^(-A|--allow|--cap-lints|-Awarnings)/;

/** `rustflags` in .cargo/config.toml that allow lints or cap their level. */
export const checkCargoFlags: Check = async (context) => {
  const file = inUnit(context.unit.dir, ".cargo/config.toml");
  const text = await context.read(file);
  if (text === undefined || context.baseline.has(file)) return [];
  return parseTomlDoc(text, file).entries.flatMap((entry): Finding[] => {
    if (entry.path.at(-1) !== "rustflags") return [];
    const flags = Array.isArray(entry.value)
      ? entry.value.map(String)
      : String(entry.value).split(/\s+/);
    const lowering = flags.filter(
      (flag, index) => LOWERING.test(flag) || LOWERING.test(flags[index - 1] ?? ""),
    );
    if (lowering.length === 0) return [];
    return [
      {
        id: `cargo/rustflags/${entry.path.join(".")}`,
        file,
        line: entry.line,
        baseline: "no rustflags that allow lints",
        current: `${entry.path.join(".")} = ${JSON.stringify(lowering)}`,
        fix: `remove ${lowering.join(" ")} from ${entry.path.join(".")} in ${file}; lints are set in Cargo.toml [lints]`,
      },
    ];
  });
};
