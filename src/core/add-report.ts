import { unifiedDiff } from "./diff.js";
import type { FileReport } from "./file-report.js";
import type { Plan } from "./plan.js";

/** A new file's diff, written directly: the diff library is slow to load for 40 created files. */
function creationDiff(path: string, content: Uint8Array): string {
  if (content.includes(0)) return `Binary file ${path} created\n`;
  const lines = new TextDecoder().decode(content).split("\n");
  const body = lines.at(-1) === "" ? lines.slice(0, -1) : lines;
  const noEol = lines.at(-1) === "" ? "" : "\\ No newline at end of file\n";
  const added = body.map((line) => `+${line}\n`).join("");
  return `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${String(body.length)} @@\n${added}${noEol}`;
}

/** Every file of the plan, with a unified diff wherever bytes would change. */
export async function report(plan: Plan): Promise<readonly FileReport[]> {
  return Promise.all(
    plan.entries.map(async (entry) =>
      entry.action === "identical"
        ? { path: entry.path, action: entry.action }
        : {
            path: entry.path,
            action: entry.action,
            diff:
              entry.current === undefined
                ? creationDiff(entry.path, entry.content)
                : await unifiedDiff(entry.path, entry.current, entry.content),
          },
    ),
  );
}
