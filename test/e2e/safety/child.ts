import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BIN, REPO_ROOT } from "../support.js";

export const SLOW_FS = join(REPO_ROOT, "test", "e2e", "safety", "slow-fs.mjs");

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built bin as a child process a test can signal at a moment it waits for. */
export interface BinChild {
  readonly child: ChildProcess;
  /** Resolves once `text` has appeared on stdout or stderr. */
  readonly waitFor: (text: string | RegExp) => Promise<void>;
  readonly exit: Promise<Exit>;
}

export function startBin(
  args: readonly string[],
  cwd: string,
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly slowFs?: boolean;
    /** Another build of the bin (a test-only next release); the worktree's by default. */
    readonly bin?: string;
  } = {},
): BinChild {
  const bin = options.bin ?? BIN;
  const nodeArgs = options.slowFs === true ? ["--import", SLOW_FS, bin] : [bin];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd,
    env: { ...process.env, CI: "true", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: { readonly test: (all: string) => boolean; readonly done: () => void }[] = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    check();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    check();
  });
  const exit = new Promise<Exit>((resolve) => {
    child.on("close", (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
  const waitFor = (text: string | RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const test = (all: string): boolean =>
        typeof text === "string" ? all.includes(text) : text.test(all);
      waiters.push({ test, done: resolve });
      check();
      void exit.then((done) => {
        reject(new Error(`exited before ${String(text)}:\n${done.stdout}${done.stderr}`));
      });
    });
  return { child, waitFor, exit };
}

function runsNow(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    return false;
  }
  // A killed process whose parent died waits as a zombie until init reaps it: it runs no more.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${String(pid)}/stat`, "utf8"));
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    return false;
  }
}

/**
 * Whether a process whose pid a shim recorded is still running, given a moment to die: the run
 * signals the group and exits, and the kernel delivers the signal on its own time.
 */
export async function shimStillRuns(pidFile: string): Promise<boolean> {
  const pid = Number((await readFile(pidFile, "utf8")).trim());
  const deadline = Date.now() + 3000;
  while (runsNow(pid)) {
    if (Date.now() > deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/** Waits until a file exists (a shim's pid file, say), polling; fails after `ms`. */
export async function waitForFile(path: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const there = await readFile(path).then(
      () => true,
      () => false,
    );
    if (there) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} did not appear within ${String(ms)} ms`);
}
