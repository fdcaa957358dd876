import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ProjectFile } from "./files.js";
import type { Language } from "./options.js";

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

/** True when a workspace member pattern (`packages/*`, `crates/x`) already covers `dir`. */
export function covered(patterns: readonly string[], dir: string): boolean {
  return patterns.some((pattern) => {
    const bare = pattern.replace(/^\.\//, "").replace(/\/$/, "");
    if (bare === dir) return true;
    if (!bare.endsWith("/*") && !bare.endsWith("/**")) return false;
    const prefix = bare.slice(0, bare.lastIndexOf("/"));
    return bare.endsWith("/**")
      ? dir.startsWith(`${prefix}/`)
      : dir.slice(0, dir.lastIndexOf("/")) === prefix;
  });
}

function quotedStrings(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? "");
}

/** The `members = [...]` strings of a TOML table, or undefined when the table is absent. */
function tomlMembers(text: string, table: string): string[] | undefined {
  const header = text.split("\n").findIndex((line) => line.trim() === `[${table}]`);
  if (header === -1) return undefined;
  const rest = text
    .split("\n")
    .slice(header + 1)
    .join("\n");
  const body = rest.split(/^\s*\[/m)[0] ?? "";
  const members = /^\s*members\s*=\s*\[([^\]]*)\]/m.exec(body);
  return members === null ? [] : quotedStrings(members[1] ?? "");
}

/**
 * The workspace registrations for a new folder, as fragments the mergers fold into the root
 * manifests: go.work `use`, Cargo `[workspace] members`, uv workspace `members`, npm
 * `workspaces`. Reads only those root files; nothing when the repo has no workspace or its
 * globs already cover the folder.
 */
export async function workspaceFiles(
  repoDir: string,
  lang: Language,
  dir: string,
): Promise<readonly ProjectFile[]> {
  if (dir === ".") return [];
  const file = (path: string, content: string): ProjectFile => ({
    path,
    content,
    executable: false,
  });
  switch (lang) {
    case "go": {
      const work = await readText(join(repoDir, "go.work"));
      return work === undefined ? [] : [file("go.work", `use ./${dir}\n`)];
    }
    case "rust": {
      const cargo = await readText(join(repoDir, "Cargo.toml"));
      const members = cargo === undefined ? undefined : tomlMembers(cargo, "workspace");
      if (members === undefined || covered(members, dir)) return [];
      return [file("Cargo.toml", `[workspace]\nmembers = ["${dir}"]\n`)];
    }
    case "python": {
      const pyproject = await readText(join(repoDir, "pyproject.toml"));
      const members =
        pyproject === undefined ? undefined : tomlMembers(pyproject, "tool.uv.workspace");
      if (members === undefined || covered(members, dir)) return [];
      return [file("pyproject.toml", `[tool.uv.workspace]\nmembers = ["${dir}"]\n`)];
    }
    case "ts": {
      const pnpm = await readText(join(repoDir, "pnpm-workspace.yaml"));
      if (pnpm !== undefined) {
        const listed = [...pnpm.matchAll(/^\s*-\s*["']?([^"'#\s]+)/gm)].map(
          (match) => match[1] ?? "",
        );
        return covered(listed, dir) ? [] : [file("pnpm-workspace.yaml", `packages:\n  - ${dir}\n`)];
      }
      const manifest = await readText(join(repoDir, "package.json"));
      const match =
        manifest === undefined ? null : /"workspaces"\s*:\s*\[([^\]]*)\]/.exec(manifest);
      if (match === null || covered(quotedStrings(match[1] ?? ""), dir)) return [];
      return [file("package.json", `${JSON.stringify({ workspaces: [dir] }, null, 2)}\n`)];
    }
  }
}
