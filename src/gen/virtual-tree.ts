import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { usageError } from "../core/errors.js";

/** How a file came to be in the change set: an `add` creates, the others change a file. */
export type Origin = "add" | "change";

export interface TreeFile {
  readonly path: string;
  readonly content: string;
  readonly executable: boolean;
  readonly origin: Origin;
}

/**
 * The project as the generator's actions see it: the files on disk, overlaid with what earlier
 * actions of this run produced. Nothing here writes to disk; the change set goes to the plan.
 */
export class VirtualTree {
  readonly #root: string;
  readonly #changes = new Map<string, TreeFile>();

  constructor(root: string) {
    this.#root = root;
  }

  /** A project-relative posix path, refusing one that leaves the project. */
  static checkedPath(raw: string, where: string): string {
    const path = posix.normalize(raw.replace(/\\/g, "/"));
    if (path === "." || path.startsWith("../") || path === ".." || posix.isAbsolute(path)) {
      throw usageError(
        `${where}: the path ${raw} is outside the project`,
        "generator paths are relative to the project root",
      );
    }
    return path;
  }

  async read(path: string): Promise<string | undefined> {
    const changed = this.#changes.get(path);
    if (changed !== undefined) return changed.content;
    return readFile(join(this.#root, path), "utf8").catch((error: unknown) => {
      if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
      throw error;
    });
  }

  /** True when an earlier `add` of this run made the file. */
  addedHere(path: string): boolean {
    return this.#changes.get(path)?.origin === "add";
  }

  write(path: string, content: string, origin: Origin, executable: boolean): void {
    const earlier = this.#changes.get(path);
    // A file this run added stays an addition when a later action changes it.
    const kept: Origin = earlier?.origin === "add" ? "add" : origin;
    this.#changes.set(path, { path, content, executable, origin: kept });
  }

  changes(): readonly TreeFile[] {
    return [...this.#changes.values()];
  }
}
