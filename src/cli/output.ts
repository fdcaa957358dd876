/** Where the CLI writes; injectable so tests can capture it. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

let stdoutClosed = false;
// `create-litclaude ... | head -1` closes the pipe early: stop writing instead of crashing.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  stdoutClosed = true;
});

export const processOutput: Output = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
};
