import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LanguageId } from "../lang/types.js";

/** Formats one file's text in memory the way the project's own gate expects it; never writes. */
export type Formatter = (path: string, text: string) => Promise<string>;

const TIMEOUT_MS = 20_000;

/** Runs a formatter that reads stdin and prints stdout; on any failure the text stays as it was. */
function throughStdin(
  cmd: string,
  args: readonly string[],
  cwd: string,
  text: string,
): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(cmd, [...args], { cwd, stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve(text);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0 && out !== "" ? out : text);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(text);
  });
}

async function present(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

interface Prettier {
  readonly format: (text: string, options: Readonly<Record<string, unknown>>) => Promise<string>;
  readonly resolveConfig: (file: string) => Promise<Readonly<Record<string, unknown>> | null>;
}

function isPrettier(value: unknown): value is Prettier {
  return (
    typeof value === "object" &&
    value !== null &&
    "format" in value &&
    typeof value.format === "function" &&
    "resolveConfig" in value &&
    typeof value.resolveConfig === "function"
  );
}

/** The project's own prettier, when it is installed. */
async function projectPrettier(dir: string): Promise<Prettier | undefined> {
  const entry = join(dir, "node_modules", "prettier", "index.mjs");
  if (!(await present(entry))) return undefined;
  const loaded: unknown = await import(pathToFileURL(entry).href).catch(() => undefined);
  return isPrettier(loaded) ? loaded : undefined;
}

/**
 * The project's formatter for generated text: prettier from its node_modules, ruff from its
 * .venv, gofmt, rustfmt. A missing formatter leaves the text as the templates wrote it.
 */
export async function projectFormatter(lang: LanguageId, dir: string): Promise<Formatter> {
  switch (lang) {
    case "ts": {
      const prettier = await projectPrettier(dir);
      if (prettier === undefined) return (_path, text) => Promise.resolve(text);
      return async (path, text) => {
        if (!/\.(ts|js|mjs|json)$/.test(path)) return text;
        const filepath = join(dir, path);
        const config = (await prettier.resolveConfig(filepath).catch(() => null)) ?? {};
        return prettier.format(text, { ...config, filepath }).catch(() => text);
      };
    }
    case "python": {
      const ruff = join(dir, ".venv", "bin", "ruff");
      const available = await present(ruff);
      return (path, text) =>
        available && path.endsWith(".py")
          ? throughStdin(ruff, ["format", "--stdin-filename", path, "-"], dir, text)
          : Promise.resolve(text);
    }
    case "go":
      return (path, text) =>
        path.endsWith(".go") ? throughStdin("gofmt", [], dir, text) : Promise.resolve(text);
    case "rust":
      return (path, text) =>
        path.endsWith(".rs")
          ? throughStdin("rustfmt", ["--edition", "2024", "--emit", "stdout"], dir, text)
          : Promise.resolve(text);
  }
}
