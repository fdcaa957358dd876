import { access, readFile, stat } from "node:fs/promises";

/** Whether anything stands at the path. */
export async function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function folderExists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** A file's bytes, or undefined when it cannot be read (absent, most often). */
export async function bytesIfPresent(file: string): Promise<Uint8Array | undefined> {
  return readFile(file).then(
    (buffer) => new Uint8Array(buffer),
    () => undefined,
  );
}
