import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LitError } from "../../../src/core/errors.js";
import {
  BASE_PATH,
  baseSnapshotFile,
  parseBaseSnapshot,
  readBaseSnapshot,
} from "../../../src/update/snapshot.js";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("the base snapshot (.litclaude/base.json)", () => {
  it("holds every file but the tool's own records, text as text and binary as base64, one line each", () => {
    const file = baseSnapshotFile([
      { path: "b.txt", content: "line\n", executable: false },
      { path: "scripts/check", content: "#!/bin/sh\n", executable: true },
      { path: "a.bin", content: new Uint8Array([0, 255, 1]), executable: false },
      { path: ".litclaude/answers.json", content: "{}\n", executable: false },
    ]);
    expect(file.path).toBe(BASE_PATH);
    const text = String(file.content);
    expect(text.split("\n")).toHaveLength(6);
    const snapshot = parseBaseSnapshot(text, BASE_PATH);
    expect([...snapshot.keys()]).toEqual(["a.bin", "b.txt", "scripts/check"]);
    expect(snapshot.get("a.bin")?.content).toEqual(new Uint8Array([0, 255, 1]));
    expect(snapshot.get("b.txt")?.content).toEqual(encode("line\n"));
    expect(snapshot.get("scripts/check")?.executable).toBe(true);
  });

  it("is the same bytes for the same files in any order", () => {
    const a = { path: "a", content: "1", executable: false };
    const b = { path: "b", content: "2", executable: false };
    expect(baseSnapshotFile([a, b]).content).toBe(baseSnapshotFile([b, a]).content);
  });

  it("reads as undefined where there is none, and a damaged one is a usage error naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "litclaude-base-"));
    expect(await readBaseSnapshot(dir)).toBeUndefined();
    await mkdir(join(dir, ".litclaude"));
    await writeFile(join(dir, BASE_PATH), '{"format": 1, "files": [\n{"path": 3}\n]}\n');
    const error: unknown = await readBaseSnapshot(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LitError);
    expect(error).toMatchObject({ kind: "usage", location: { file: join(dir, BASE_PATH) } });
    await writeFile(join(dir, BASE_PATH), "{not json");
    await expect(readBaseSnapshot(dir)).rejects.toThrow(/base.json is not valid JSON/);
  });
});
