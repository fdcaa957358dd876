import { cancelled } from "./errors.js";

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw cancelled();
}

/** One turn of the event loop: a signal that arrived during synchronous work is handled here. */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}
