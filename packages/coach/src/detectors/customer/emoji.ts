/** @module Emoji that carry emotion: angry faces raise anger, others feed their emotions. */
import { EMOJI_CUES } from "../../lexicons/customer-expressive.js";
import { spanOf } from "../../text/tokenize.js";
import type { CustomerInput, EmotionHit } from "./detector.js";

/** Looks an emoji token up as written, then without skin tones, variation selectors and joined parts. */
function cueFor(emoji: string): (typeof EMOJI_CUES)[string] | undefined {
  return (
    EMOJI_CUES[emoji] ??
    EMOJI_CUES[emoji.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, "").split("\u200d")[0] ?? ""]
  );
}

export function detectEmoji(input: CustomerInput): EmotionHit[] {
  const text = input.text.t.text;
  const hits: EmotionHit[] = [];
  for (const tok of input.text.tokens) {
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
