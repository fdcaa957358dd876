import { LitError } from "../core/errors.js";
import type { Token } from "./auth.js";

export type FailureCause =
  | "rate-limited"
  | "needs-credentials"
  | "token-refused"
  | "denied"
  | "not-found"
  | "unreachable"
  | "missing-commit"
  | "no-git"
  | "other";

const RATE_LIMITED = /rate limit|too many requests|error: 429/i;
const NEEDS_AUTH =
  /could not read (?:Username|Password)|Authentication failed|terminal prompts disabled|error: 401|Permission denied \(publickey|Host key verification failed/i;
const DENIED = /error: 403|access forbidden|not authorized|permission to .* denied/i;
const NOT_FOUND =
  /repository '.*' not found|Repository not found|does not appear to be a git repository|not exported|no such repository|error: 404|project you were looking for could not be found/i;
const MISSING_COMMIT =
  /not our ref|unadvertised object|couldn't find remote ref|no such remote ref|bad object/i;
const UNREACHABLE =
  /Could not resolve host|Failed to connect|Connection refused|unable to connect|timed out|Connection reset|unable to access|SSL/i;

/** What a failed git run against a remote means. */
export function failureCause(stderr: string, token: Token | undefined): FailureCause {
  if (stderr.includes("spawn git ENOENT")) return "no-git";
  if (RATE_LIMITED.test(stderr)) return "rate-limited";
  if (NEEDS_AUTH.test(stderr)) return token === undefined ? "needs-credentials" : "token-refused";
  if (DENIED.test(stderr)) return token === undefined ? "denied" : "token-refused";
  if (NOT_FOUND.test(stderr)) return "not-found";
  if (MISSING_COMMIT.test(stderr)) return "missing-commit";
  if (UNREACHABLE.test(stderr)) return "unreachable";
  return "other";
}

function gitSaid(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const fatal = lines.find((line) => /^(?:fatal|error|ERROR|remote):/.test(line)) ?? lines.at(-1);
  return fatal === undefined ? "" : ` (git: ${fatal})`;
}

const CREDENTIALS_HINT =
  "set GITHUB_TOKEN (for GitHub) or GIT_TOKEN to a token that can read the repository, or set up git credentials (a credential helper, or an ssh key with an ssh URL), then run again";

/** The error a failed ls-remote or fetch becomes: what happened, and what to do about it. */
export function gitFailure(source: string, stderr: string, token: Token | undefined): LitError {
  const said = gitSaid(stderr);
  const fail = (message: string, hint: string): LitError =>
    new LitError("failed", `${message}${said}`, { hint });
  const cause = failureCause(stderr, token);
  switch (cause) {
    case "rate-limited":
      return fail(
        `${source}: the server refused the request: rate limit reached`,
        "wait a while and run again; with GITHUB_TOKEN set, GitHub allows far more requests",
      );
    case "needs-credentials":
      return fail(
        `${source}: no access without credentials (the repository is private, or does not exist)`,
        CREDENTIALS_HINT,
      );
    case "token-refused":
      return fail(
        `${source}: the token from ${token?.variable ?? "the environment"} was refused`,
        `check that ${token?.variable ?? "the token"} is valid, not expired, and allowed to read this repository`,
      );
    case "denied":
      return fail(`${source}: access denied`, CREDENTIALS_HINT);
    case "not-found":
      return fail(
        `${source}: repository not found`,
        token === undefined
          ? "check the owner and repository name; if it is private, give credentials (GITHUB_TOKEN, GIT_TOKEN or git's own) — some servers answer 'not found' to a stranger"
          : `check the owner and repository name, and that the token from ${token.variable} can see it`,
      );
    case "missing-commit":
      return fail(
        `${source}: the server has no such commit, or will not serve a commit by hash alone`,
        "check the commit after #, or name a branch or tag instead",
      );
    case "unreachable":
      return fail(
        `${source}: could not reach the server`,
        "check the network connection (and proxy); --offline uses a copy fetched before",
      );
    case "no-git":
      return new LitError("failed", `${source}: git was not found on PATH`, {
        hint: "install git (git --version should answer), then run again",
      });
    case "other":
      return fail(
        `${source}: git could not read the repository`,
        "run the same with git itself (git ls-remote URL) to see why",
      );
  }
}
