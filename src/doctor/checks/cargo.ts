import { entryAt, parseTomlDoc, tableLine, under, type TomlDoc } from "../parse/toml.js";
import type { Check, CheckContext, Finding } from "../types.js";
import { RUN_UPDATE, bothTexts, compareVersions, inUnit, show } from "./common.js";

const LEVELS = ["allow", "expect", "warn", "deny", "forbid"];

function levelOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (
    typeof value === "object" &&
    value !== null &&
    "level" in value &&
    typeof value.level === "string"
  ) {
    return value.level;
  }
  return undefined;
}

function rank(level: string | undefined): number {
  return level === undefined ? -1 : LEVELS.indexOf(level);
}

/** The `[lints.<tool>]` entries of a manifest, `tool::name` -> level, with lines. */
function lints(
  doc: TomlDoc,
  prefix: readonly string[],
): Map<string, { level: string | undefined; line: number }> {
  return new Map(
    under(doc, prefix)
      .filter((entry) => entry.path.length >= 2)
      .map((entry) => [
        `${String(entry.path[0])}::${String(entry.path[1])}`,
        { level: levelOf(entry.value), line: entry.line },
      ]),
  );
}

/** The lints a crate really uses: its own, or the workspace's when it says `workspace = true`. */
async function currentLints(
  context: CheckContext,
  doc: TomlDoc,
  file: string,
): Promise<{ file: string; doc: TomlDoc; prefix: string[] }> {
  if (entryAt(doc, ["lints", "workspace"])?.value !== true) return { file, doc, prefix: ["lints"] };
  const root = "Cargo.toml";
  const text = root === file ? undefined : await context.read(root);
  if (text === undefined) return { file, doc, prefix: ["lints"] };
  return { file: root, doc: parseTomlDoc(text, root), prefix: ["workspace", "lints"] };
}

function lintFindings(
  file: string,
  base: TomlDoc,
  current: TomlDoc,
  prefix: readonly string[],
): Finding[] {
  const baseline = lints(base, ["lints"]);
  const now = lints(current, prefix);
  const findings: Finding[] = [];
  const table = (key: string): string => `[${[...prefix, key.split("::")[0] ?? ""].join(".")}]`;
  for (const [key, was] of baseline) {
    const is = now.get(key);
    if (rank(is?.level) >= rank(was.level) && is !== undefined) continue;
    if (is === undefined && was.level === "allow") continue;
    const name = key.split("::")[1] ?? key;
    findings.push({
      id: `cargo-lint/${key}`,
      file,
      line: is?.line ?? tableLine(current, [...prefix, key.split("::")[0] ?? ""]),
      baseline: `${name} = ${show(was.level)}`,
      current: is === undefined ? "unset" : `${name} = ${show(is.level)}`,
      fix: `set ${name} = "${String(was.level)}" under ${table(key)} in ${file}`,
    });
  }
  for (const [key, is] of now) {
    if (baseline.has(key) || (is.level !== "allow" && is.level !== "expect")) continue;
    const name = key.split("::")[1] ?? key;
    findings.push({
      id: `cargo-lint/${key}`,
      file,
      line: is.line,
      baseline: `${name} at its group's level`,
      current: `${name} = ${show(is.level)}`,
      fix: `remove ${name} from ${table(key)} in ${file}; allow it where needed with #[expect(${key.startsWith("clippy") ? "clippy::" : ""}${name}, reason = "...")]`,
    });
  }
  return findings;
}

async function toolchainPin(context: CheckContext): Promise<Finding[]> {
  const file = inUnit(context.unit.dir, "rust-toolchain.toml");
  const texts = await bothTexts(context, file);
  if (texts === undefined) return [];
  const was = entryAt(parseTomlDoc(texts.base, file), ["toolchain", "channel"]);
  const is = entryAt(parseTomlDoc(texts.current, file), ["toolchain", "channel"]);
  if (typeof was?.value !== "string") return [];
  if (
    typeof is?.value === "string" &&
    (!/^\d/.test(is.value) || compareVersions(is.value, was.value) >= 0)
  )
    return [];
  return [
    {
      id: "pin/rust-toolchain",
      file,
      line: is?.line ?? 1,
      baseline: `channel = "${was.value}"`,
      current: is === undefined ? "unset" : `channel = ${show(is.value)}`,
      fix: `set channel = "${was.value}" (or newer) under [toolchain] in ${file}`,
    },
  ];
}

/** Cargo `[lints]` levels lowered or removed, lints newly allowed, the toolchain pin moved back. */
export const checkCargo: Check = async (context) => {
  const file = inUnit(context.unit.dir, "Cargo.toml");
  const texts = await bothTexts(context, file);
  if (texts === undefined) {
    const missing = (await context.read(file)) === undefined;
    return missing
      ? [
          {
            id: "cargo/missing",
            file,
            line: 1,
            baseline: "Cargo.toml with [lints]",
            current: "missing",
            fix: `restore ${file}: ${RUN_UPDATE}`,
          },
        ]
      : [];
  }
  const doc = parseTomlDoc(texts.current, file);
  const used = await currentLints(context, doc, file);
  return [
    ...lintFindings(used.file, parseTomlDoc(texts.base, file), used.doc, used.prefix),
    ...(await toolchainPin(context)),
  ];
};
