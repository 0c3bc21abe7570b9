/** @module A progress bar on stderr driven by bytes read, shown only to a person watching a terminal. */
import cliProgress from "cli-progress";

export interface Progress {
  /** Prints a message above the bar (or plainly when there is no bar). */
  log(message: string): void;
  rowsDone(count: number): void;
  stop(): void;
}

export interface ProgressSetup {
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  totalBytes: number;
  bytesRead: () => number;
}

/** Smaller inputs finish before a bar would be worth looking at. */
const MIN_BYTES_FOR_BAR = 1 << 20;

export function wantsProgressBar(setup: Pick<ProgressSetup, "stderr" | "env" | "totalBytes">): boolean {
  return setup.stderr.isTTY === true && setup.env.CI !== "true" && setup.totalBytes >= MIN_BYTES_FOR_BAR;
}

const mb = (bytes: number): string => (bytes / (1 << 20)).toFixed(1);

export function startProgress(setup: ProgressSetup): Progress {
  if (!wantsProgressBar(setup)) {
    return { log: (message) => setup.stderr.write(`${message}\n`), rowsDone: () => {}, stop: () => {} };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: setup.stderr,
      hideCursor: true,
      format: "analysing |{bar}| {percentage}% · {read}/{size} MB · {rows} rows · eta {eta_formatted}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(setup.totalBytes, 0, { rows: 0, read: "0.0", size: mb(setup.totalBytes) });
  let rows = 0;
  const timer = setInterval(() => {
    const read = Math.min(setup.bytesRead(), setup.totalBytes);
    bar.update(read, { rows, read: mb(read) });
  }, 200);
  return {
    log: (message) => bars.log(`${message}\n`),
    rowsDone: (count) => {
      rows += count;
    },
    stop: () => {
      clearInterval(timer);
      bar.update(Math.min(setup.bytesRead(), setup.totalBytes), { rows, read: mb(setup.bytesRead()) });
      bars.stop();
    },
  };
}
