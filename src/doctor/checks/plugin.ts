import { posix } from "node:path";
import { sameBytes, contentBytes } from "../../core/files.js";
import { marketplaceSourceSchema } from "../../plugin/schemas.js";
import { MARKETPLACE_NAME, PLUGIN_NAME } from "../../plugin/marketplace-source.js";
import { SETTINGS_PATH, VENDOR_DIR } from "../../plugin/files.js";
import { isRecord, parseJsonDoc, recordAt } from "../parse/json.js";
import type { Check, CheckContext, Finding } from "../types.js";
import { RUN_UPDATE, fileText, show } from "./common.js";

const HOOKS = `${VENDOR_DIR}/hooks/hooks.json`;
const VENDORED_ID = `${PLUGIN_NAME}@skills-dir`;
const MARKETPLACE_ID = `${PLUGIN_NAME}@${MARKETPLACE_NAME}`;

/** `Event: command` for every hook a hooks.json declares. */
function hookCommands(text: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const value = text === undefined ? undefined : parseJsonDoc(text)?.value;
  for (const [event, groups] of Object.entries(recordAt(value, "hooks"))) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      const hooks: unknown = isRecord(group) ? group["hooks"] : undefined;
      if (!Array.isArray(hooks)) continue;
      for (const hook of hooks) {
        const command: unknown = isRecord(hook) ? hook["command"] : undefined;
        if (typeof command === "string") found.set(`${event}: ${command}`, event);
      }
    }
  }
  return found;
}

async function hookFindings(context: CheckContext): Promise<Finding[]> {
  const was = hookCommands(fileText(context.baseline.get(HOOKS)));
  const text = await context.read(HOOKS);
  const now = hookCommands(text);
  return [...was].flatMap(([command, event]): Finding[] =>
    now.has(command)
      ? []
      : [
          {
            id: `plugin/hook/${event}`,
            file: HOOKS,
            line: 1,
            baseline: command,
            current: text === undefined ? "hooks.json missing" : `no such ${event} hook`,
            fix: `restore ${HOOKS}: ${RUN_UPDATE}`,
          },
        ],
  );
}

async function vendoredFindings(context: CheckContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [path, file] of context.baseline) {
    if (!path.startsWith(`${VENDOR_DIR}/`) || path === HOOKS) continue;
    const text = await context.read(path);
    const rel = path.slice(VENDOR_DIR.length + 1);
    if (text === undefined) {
      findings.push({
        id: `plugin/missing/${rel}`,
        file: path,
        line: 1,
        baseline: "vendored",
        current: "missing",
        fix: `restore it: ${RUN_UPDATE}`,
      });
      continue;
    }
    if (!sameBytes(contentBytes(text), contentBytes(file.content))) {
      findings.push({
        id: `plugin/changed/${rel}`,
        file: path,
        line: 1,
        baseline: "the vendored plugin's copy",
        current: "changed",
        fix: `undo the change (git checkout -- ${path}), or ${RUN_UPDATE}`,
      });
    }
    if (file.executable && (await context.executable(path)) === false) {
      findings.push({
        id: `plugin/not-executable/${rel}`,
        file: path,
        line: 1,
        baseline: "executable",
        current: "not executable",
        fix: `chmod +x ${path}`,
      });
    }
  }
  return findings;
}

/** Resolving a marketplace source offline: its shape, and for a directory, its marketplace.json. */
async function resolves(source: unknown, context: CheckContext): Promise<string | undefined> {
  const parsed = marketplaceSourceSchema.safeParse(source);
  if (!parsed.success) return "not a marketplace source Claude Code accepts";
  if (parsed.data.source !== "directory") return undefined;
  const dir = posix.normalize(parsed.data.path);
  if (dir.startsWith("/") || dir.startsWith("..")) return undefined;
  const manifest = posix.join(dir, ".claude-plugin/marketplace.json");
  return (await context.read(manifest)) === undefined ? `${manifest} does not exist` : undefined;
}

async function settingsFindings(context: CheckContext): Promise<Finding[]> {
  const file = SETTINGS_PATH;
  const text = await context.read(file);
  const doc = text === undefined ? undefined : parseJsonDoc(text);
  const enabled = recordAt(doc?.value, "enabledPlugins");
  const findings: Finding[] = [];
  if (isRecord(doc?.value) && doc.value["disableAllHooks"] === true) {
    findings.push({
      id: "plugin/disableAllHooks",
      file,
      line: doc.lineOf(["disableAllHooks"]) ?? 1,
      baseline: "hooks on",
      current: '"disableAllHooks": true',
      fix: `remove "disableAllHooks" from ${file}`,
    });
  }
  if (context.unit.plugin === "vendor") {
    if (enabled[VENDORED_ID] === false) {
      findings.push({
        id: "plugin/enabledPlugins",
        file,
        line: doc?.lineOf(["enabledPlugins", VENDORED_ID]) ?? 1,
        baseline: "enabled",
        current: `"${VENDORED_ID}": false`,
        fix: `remove "${VENDORED_ID}": false from enabledPlugins in ${file}`,
      });
    }
    return findings;
  }
  const base = parseJsonDoc(fileText(context.baseline.get(file)) ?? "")?.value;
  const wanted = recordAt(
    recordAt(recordAt(base, "extraKnownMarketplaces"), MARKETPLACE_NAME),
    "source",
  );
  const source = recordAt(recordAt(doc?.value, "extraKnownMarketplaces"), MARKETPLACE_NAME)[
    "source"
  ];
  const problem = source === undefined ? "missing" : await resolves(source, context);
  if (problem !== undefined) {
    findings.push({
      id: "plugin/marketplace",
      file,
      line: doc?.lineOf(["extraKnownMarketplaces", MARKETPLACE_NAME]) ?? 1,
      baseline: `extraKnownMarketplaces.${MARKETPLACE_NAME}.source = ${show(wanted)}`,
      current: source === undefined ? "missing" : `${show(source)}: ${problem}`,
      fix: `set extraKnownMarketplaces.${MARKETPLACE_NAME}.source to ${show(wanted)} in ${file}`,
    });
  }
  if (enabled[MARKETPLACE_ID] !== true) {
    findings.push({
      id: "plugin/enabledPlugins",
      file,
      line: doc?.lineOf(["enabledPlugins"]) ?? 1,
      baseline: `"${MARKETPLACE_ID}": true`,
      current: show(enabled[MARKETPLACE_ID]),
      fix: `set enabledPlugins."${MARKETPLACE_ID}" to true in ${file}`,
    });
  }
  return findings;
}

/** The plugin: vendored files unchanged and hooks in place, or the marketplace declared and enabled. */
export const checkPlugin: Check = async (context) => {
  switch (context.unit.plugin) {
    case "none":
      return [];
    case "vendor":
      return [
        ...(await hookFindings(context)),
        ...(await vendoredFindings(context)),
        ...(await settingsFindings(context)),
      ];
    case "marketplace":
      return settingsFindings(context);
  }
};
