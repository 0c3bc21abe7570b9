/** @module Emoji that carry emotion: angry faces raise anger, others feed their emotions. */
import { EMOJI_CUES } from "../../lexicons/customer-expressive.js";
import { spanOf } from "../../text/tokenize.js";
import { wordFlag } from "./customer-text.js";
import { type CustomerInput, type EmotionHit, NO_HITS } from "./detector.js";

type Cue = (typeof EMOJI_CUES)[string];

// Symbols ("@", "#", "&") and emoji repeat from message to message: their cue (or its absence) is kept per spelling.
const CUE_CACHE_LIMIT = 5_000;
const CUES = new Map<string, Cue | null>();

function cueFor(emoji: string): Cue | undefined {
  const known = CUES.get(emoji);
  if (known !== undefined) return known ?? undefined;
  const cue = cueUncached(emoji);
  if (CUES.size >= CUE_CACHE_LIMIT) CUES.clear();
  CUES.set(emoji, cue ?? null);
  return cue;
}

/** Looks an emoji token up as written, then without skin tones, variation selectors and joined parts. */
function cueUncached(emoji: string): Cue | undefined {
  return (
    EMOJI_CUES[emoji] ??
    EMOJI_CUES[emoji.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, "").split("\u200d")[0] ?? ""]
  );
}

/** ASCII faces after ":" or ";" — ":(", ":-/", ":((" — by their mouth. */
const FACE = /[-']?([()/\\|DP])\1*/y;
const FACES: Readonly<Record<string, { anger: number; emotions: EmotionHit["emotions"] }>> = {
  "(": { anger: 0.15, emotions: { sadness: 0.4, disappointment: 0.4 } },
  "/": { anger: 0.15, emotions: { annoyance: 0.4, confusion: 0.2 } },
  "\\": { anger: 0.15, emotions: { annoyance: 0.4, confusion: 0.2 } },
  "|": { anger: 0.1, emotions: { annoyance: 0.3 } },
  ")": { anger: 0, emotions: { gratitude: 0.2, relief: 0.2 } },
  D: { anger: 0, emotions: { relief: 0.3 } },
  P: { anger: 0, emotions: {} },
};

/** What this detector reads: a face's ":" or ";", or an emoji or symbol with a cue. */
const CUE = wordFlag(
  (s) =>
    s.text === ":" ||
    s.text === ";" ||
    ((s.kind === "emoji" || s.kind === "symbol") && cueFor(s.text) !== undefined),
);

export function detectEmoji(input: CustomerInput): readonly EmotionHit[] {
  const text = input.text.t.text;
  if ((input.text.flags & CUE) === 0) return NO_HITS;
  const hits: EmotionHit[] = [];
  for (const tok of input.text.tokens) {
    if ((tok.flags & CUE) === 0) continue;
    if ((tok.text === ":" || tok.text === ";") && !tok.ignored) {
      FACE.lastIndex = tok.end;
      const m = FACE.exec(text);
      const face = m ? FACES[m[1] ?? ""] : undefined;
      // A face ends the word: ":D" must not be the start of "D-Day", ":P" not of "Pending".
      const after = m ? text[tok.end + m[0].length] : undefined;
      if (m && face && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
        hits.push({
          kind: "emoji",
          span: spanOf(text, tok.start, tok.end + m[0].length),
          sentence: tok.sentence,
          emotions: face.emotions,
          weight: face.anger,
        });
      }
      continue;
    }
    if (tok.kind !== "emoji" && tok.kind !== "symbol") continue;
    if (tok.ignored) continue;
    const cue = cueFor(tok.text);
    if (!cue) continue;
    hits.push({
      kind: cue.sarcasm ? "sarcasm" : "emoji",
      span: spanOf(text, tok.start, tok.end),
      sentence: tok.sentence,
      emotions: cue.emotions,
      weight: cue.anger,
    });
  }
  return hits;
}
