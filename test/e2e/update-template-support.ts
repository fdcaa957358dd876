/** The path and status of each file in `update --json` output. */
export function reportedFiles(stdout: string): readonly { path: string; status: string }[] {
  const value: unknown = JSON.parse(stdout);
  const listed: unknown =
    typeof value === "object" && value !== null && "files" in value ? value.files : undefined;
  if (!Array.isArray(listed)) throw new Error(stdout);
  return listed.map((item: unknown) => {
    if (typeof item !== "object" || item === null) throw new Error(stdout);
    const path = "path" in item ? item.path : undefined;
    const status = "status" in item ? item.status : undefined;
    if (typeof path !== "string" || typeof status !== "string") throw new Error(stdout);
    return { path, status };
  });
}

/** The files `update --json` would change (any status but unchanged). */
export function changedFiles(stdout: string): readonly { path: string; status: string }[] {
  return reportedFiles(stdout).filter((file) => file.status !== "unchanged");
}
