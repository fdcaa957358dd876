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
