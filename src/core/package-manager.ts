import { pathExists } from "./fs-probe.js";
import { join } from "node:path";

export type PackageManager = "npm" | "pnpm" | "yarn" | "bun";

/** The package manager that started us, from `npm_config_user_agent` ("pnpm/9.1.0 npm/? ..."). */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split("/")[0] ?? "";
  switch (name) {
    case "pnpm":
    case "yarn":
    case "bun":
      return name;
    default:
      return "npm";
  }
}

/** Lockfiles in the order their managers are looked for: the first one present names it. */
const LOCKFILES: readonly (readonly [string, PackageManager])[] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
];

/**
 * The package manager a repository already uses, from its lockfile; `fallback` where it has none.
 * `add` follows the repo, not whichever manager happened to start us.
 */
export async function repositoryPackageManager(
  repoDir: string,
  fallback: PackageManager,
): Promise<PackageManager> {
  for (const [file, manager] of LOCKFILES) {
    if (await pathExists(join(repoDir, file))) return manager;
  }
  return fallback;
}
