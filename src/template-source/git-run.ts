import { cancelled } from "../core/errors.js";
import { stopGroup } from "../core/tasks.js";
import { redact } from "./auth.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  /** git's complaint, with any secret replaced by `***`. */
  readonly stderr: string;
}

export interface GitContext {
  readonly cwd: string;
  readonly env: Env;
  readonly signal: AbortSignal;
  /** Extra environment (auth headers), merged over `env`. */
  readonly extraEnv?: Readonly<Record<string, string>>;
  /** Values that must never appear in what is returned. */
  readonly secrets?: readonly string[];
}

/**
 * What git needs to run unattended and predictably: no prompt that would hang a non-interactive
 * run (credential helpers and ssh agents still answer), messages in English so they can be read,
 * only the transports a template source may use, and traces that never show headers.
 */
function gitEnv(context: GitContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(context.env)) if (value !== undefined) env[key] = value;
  return {
    ...env,
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    LC_ALL: "C",
    GIT_ALLOW_PROTOCOL: "https:http:ssh:git:file",
    GIT_TRACE_REDACT: "1",
    ...context.extraEnv,
  };
}

/** Runs git with no shell in its own process group, so an abort stops its helpers too. */
const isAborted = (signal: AbortSignal): boolean => signal.aborted;

export async function runGit(args: readonly string[], context: GitContext): Promise<GitResult> {
  if (context.signal.aborted) throw cancelled();
  const { execa } = await import("execa");
  const subprocess = execa("git", [...args], {
    cwd: context.cwd,
    env: gitEnv(context),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    detached: true,
    stripFinalNewline: false,
  });
  const stop = (): void => {
    stopGroup(subprocess.pid);
  };
  context.signal.addEventListener("abort", stop, { once: true });
  const result = await subprocess;
  context.signal.removeEventListener("abort", stop);
  if (isAborted(context.signal)) throw cancelled();
  const secrets = context.secrets ?? [];
  const stderr = typeof result.stderr === "string" ? result.stderr : "";
  const failure = result.failed && stderr === "" ? (result.shortMessage ?? "") : stderr;
  return {
    ok: !result.failed,
    stdout: typeof result.stdout === "string" ? result.stdout : "",
    stderr: redact(failure, secrets),
  };
}
