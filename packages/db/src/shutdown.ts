/** @module Stops Keel cleanly on SIGINT/SIGTERM: runs the given close (server, then database) once, then exits. */

export interface ShutdownOptions {
  signals?: readonly NodeJS.Signals[];
  log?: (line: string) => void;
  /** Injected so tests can observe the exit; defaults to process.exit. */
  exit?: (code: number) => void;
}

/**
 * Installs the handlers; returns a function that removes them. A second signal while closing exits at once
 * with code 1 (the operator insists).
 */
export function closeOnShutdownSignals(
  close: () => Promise<void>,
  options: ShutdownOptions = {},
): () => void {
  const signals = options.signals ?? ["SIGINT", "SIGTERM"];
  const log = options.log ?? (() => undefined);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting without waiting`);
      exit(1);
      return;
    }
    closing = true;
    log(`${signal}: shutting down`);
    close().then(
      () => exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
