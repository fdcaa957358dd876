import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => {
      resolve(false);
    });
  });
}

export interface GitDaemon {
  /** `git://127.0.0.1:PORT` */
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/** `git daemon` serving every repository under `base` on a loopback port, read only. */
export async function startGitDaemon(
  base: string,
  env: Record<string, string>,
): Promise<GitDaemon> {
  const port = await freePort();
  const child = spawn(
    "git",
    [
      "daemon",
      "--reuseaddr",
      "--export-all",
      "--informative-errors",
      `--base-path=${base}`,
      "--listen=127.0.0.1",
      `--port=${String(port)}`,
      base,
    ],
    { env, stdio: "ignore" },
  );
  for (let attempt = 0; attempt < 100 && !(await accepts(port)); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `git://127.0.0.1:${String(port)}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.on("exit", () => {
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
