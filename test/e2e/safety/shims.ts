import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A folder for the front of PATH holding a stand-in for `cmd`: it records its pid in
 * `<dir>/<cmd>.pid`, then sleeps (so a signal lands while it runs) or fails at once. With
 * `onlyFor`, it does so only when its first argument is that word, and succeeds otherwise.
 */
export async function shimCommand(
  dir: string,
  cmd: string,
  behaviour: "sleep" | "fail",
  onlyFor?: string,
): Promise<string> {
  const bin = join(dir, "shim-bin");
  await mkdir(bin, { recursive: true });
  const act =
    behaviour === "sleep"
      ? 'echo "shim: $0 $*"\n  exec sleep 60'
      : 'echo "shim: $0 $* fails on purpose" >&2\n  exit 3';
  const guard = onlyFor === undefined ? "true" : `[ "$1" = "${onlyFor}" ]`;
  const script = join(bin, cmd);
  await writeFile(
    script,
    `#!/bin/sh\nif ${guard}; then\n  echo $$ > "${join(dir, `${cmd}.pid`)}"\n  ${act}\nfi\nexit 0\n`,
  );
  await chmod(script, 0o755);
  return bin;
}

export function pathWith(bin: string): string {
  return `${bin}:${process.env["PATH"] ?? ""}`;
}
