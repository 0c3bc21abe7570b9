/** @module What every bench section receives: the run mode and the loaded corpus. */
import type { Corpus } from "./data.js";
import type { TargetResult } from "./report.js";

export interface BenchContext {
  /** `--quick`: fewer rounds and rows, for a check in well under two minutes. */
  quick: boolean;
  corpus: Corpus;
}

export interface Section {
  /** Used by `--only <id>`. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<TargetResult[]>;
}

/** A sink for results so the engine cannot drop the work as dead code; printed once at the end. */
export const sink = { value: 0 };

export function consume(x: number): void {
  if (Number.isFinite(x)) sink.value += x;
}
