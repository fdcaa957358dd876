/** Exit codes of every command, defined once. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  cancelled: 130,
} as const;

/** The signals that stop a run cleanly; the exit code is 128 + the signal's number, as shells do. */
export const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof STOP_SIGNALS;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT] | (typeof STOP_SIGNALS)[StopSignal];

export function isStopSignal(value: unknown): value is StopSignal {
  return typeof value === "string" && Object.hasOwn(STOP_SIGNALS, value);
}

/** The exit code of a run that was stopped: by the signal when one stopped it, else 130. */
export function cancelledExitCode(signal: AbortSignal): ExitCode {
  const reason: unknown = signal.reason;
  return isStopSignal(reason) ? STOP_SIGNALS[reason] : EXIT.cancelled;
}

export type ErrorKind = "usage" | "failed" | "cancelled";

/** Where an error points, when it points at a file. */
export interface ErrorLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** An error the user can act on: what was wrong, where, and what to do. */
export class LitError extends Error {
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly location: ErrorLocation | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    details: { readonly hint?: string; readonly location?: ErrorLocation } = {},
  ) {
    super(message);
    this.name = "LitError";
    this.kind = kind;
    this.hint = details.hint;
    this.location = details.location;
  }

  get exitCode(): ExitCode {
    switch (this.kind) {
      case "usage":
        return EXIT.usage;
      case "failed":
        return EXIT.failed;
      case "cancelled":
        return EXIT.cancelled;
    }
  }
}

export function usageError(message: string, hint?: string): LitError {
  return new LitError("usage", message, hint === undefined ? {} : { hint });
}

export function cancelled(message = "Cancelled: nothing was written."): LitError {
  return new LitError("cancelled", message);
}
