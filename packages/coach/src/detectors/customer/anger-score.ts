/** @module Turns anger evidence into a 0–100 intensity and a level (calm, annoyed, angry, furious). */
import type { AngerLevel, AngerSignal } from "../../types.js";

/** Upper bound each kind of cue can add, so one habit (capitals everywhere) cannot dominate. */
const KIND_CAPS: Partial<Record<AngerSignal["kind"], number>> = {
  caps: 1.4,
  repeated_punctuation: 1,
  intensifier: 0.5,
  emoji: 0.9,
  sarcasm: 0.8,
  contrast: 0.3,
  negated_positive: 1,
  anger_word: 2.6,
  profanity: 1,
  abuse: 1.3,
  threat: 0.9,
  repeat_contact: 0.45,
};

/** Raw evidence at which anger reaches about 63 of 100. */
const SCALE = 2.2;

/** Score cut-offs for levels 1, 2 and 3, calibrated on the labelled training exchanges (training/src/tune-customer.ts). */
export const ANGER_LEVEL_CUTS: readonly [number, number, number] = [15, 30, 64];

// Scratch for `rawAnger`: the kinds in order of first appearance and their sums (a message has only a few kinds).
// Only the first `used` entries count: emptying the arrays would drop their storage and make every call grow it again.
const kinds: AngerSignal["kind"][] = [];
const sums: number[] = [];

/** Index of `kind` among the first `used` kinds, or -1. */
function kindIndex(kind: AngerSignal["kind"], used: number): number {
  for (let k = 0; k < used; k++) if (kinds[k] === kind) return k;
  return -1;
}

export function rawAnger(signals: readonly Pick<AngerSignal, "kind" | "weight">[], calm: number): number {
  let used = 0;
  for (const s of signals) {
    const k = kindIndex(s.kind, used);
    if (k < 0) {
      kinds[used] = s.kind;
      sums[used] = 0 + Math.max(0, s.weight);
      used++;
    } else sums[k] = (sums[k] as number) + Math.max(0, s.weight);
  }
  // Capped sums added in order of first appearance, as a Map keyed by kind would iterate them.
  let raw = 0;
  for (let k = 0; k < used; k++)
    raw += Math.min(sums[k] as number, KIND_CAPS[kinds[k] as AngerSignal["kind"]] ?? 1);
  // Thanks and relief calm a message only a little: "thanks for nothing" has already been read as sarcasm.
  return Math.max(0, raw - 0.35 * Math.min(1, calm));
}

export function angerFromRaw(raw: number): number {
  return Math.round(100 * (1 - Math.exp(-raw / SCALE)));
}

export function angerLevelOf(
  anger: number,
  cuts: readonly [number, number, number] = ANGER_LEVEL_CUTS,
): AngerLevel {
  if (anger >= cuts[2]) return 3;
  if (anger >= cuts[1]) return 2;
  if (anger >= cuts[0]) return 1;
  return 0;
}
