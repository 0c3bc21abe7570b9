/** @module Reply detector for `overpromise`: absolute promises an agent can't guarantee (see reply-labels GUIDE.md). */
import {
  HEDGE_WORDS,
  NEGATORS,
  OVERPROMISE_PHRASES,
  OVERPROMISE_REWRITES,
  type OverpromiseKind,
} from "../../lexicons/reply-problems-overpromise.js";
import type { LabelResult, ParsedTime } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { phraseSet } from "./shared-problems/phrases.js";
import {
  type Cue,
  emptyResult,
  resultFromCues,
  sentenceWordSpan,
  wordRangeSpan,
} from "./shared-problems/result.js";
import { type Word, wordsOf } from "./shared-problems/words.js";

const overpromiseSet = phraseSet(OVERPROMISE_PHRASES);

const SUGGESTION =
  "Promise only what you control: say what you will do and when you'll update the customer, not an absolute outcome.";

const COMMIT_VERBS = new Set([
  "fixed",
  "resolved",
  "sorted",
  "repaired",
  "restored",
  "delivered",
  "refunded",
  "arrive",
  "working",
]);

function sentenceHedged(words: readonly Word[], sentence: number): boolean {
  for (const w of words) if (w.sentence === sentence && HEDGE_WORDS.has(w.w)) return true;
  return false;
}

function negatedBefore(words: readonly Word[], from: number): boolean {
  for (let j = from - 1; j >= Math.max(0, from - 3); j--) {
    const w = words[j];
    if (!w || w.sentence !== words[from]?.sentence) break;
    if (NEGATORS.has(w.w)) return true;
    // "Don't worry, I'll…": negation before a comma belongs to another clause.
    if (w.afterBreak) break;
  }
  return false;
}

/** A short firm deadline from the timeline parser ("today", "within 2 hours") next to a "will be fixed" verb. */
function timelineCues(input: ReplyInput, words: readonly Word[]): Cue[] {
  const firm = (t: ParsedTime) =>
    !t.customerDeadline && (t.kind === "relative_day" || (t.hours !== undefined && t.hours <= 24));
  const out: Cue[] = [];
  for (const t of input.timelines) {
    if (!firm(t)) continue;
    const at = words.findIndex((w) => input.reply.tokens[w.tok]?.start === t.span.start);
    const sentence = words[at]?.sentence;
    if (at < 0 || sentence === undefined || sentenceHedged(words, sentence)) continue;
    // "…will be fixed today": the firm outcome verb comes right after "will be" and before the time.
    for (let i = 0; i + 2 < at; i++) {
      if (words[i]?.sentence !== sentence) continue;
      if (words[i]?.w === "will" && words[i + 1]?.w === "be" && COMMIT_VERBS.has(words[i + 2]?.w ?? "")) {
        out.push({ span: t.span, p: 0.5 });
        break;
      }
    }
  }
  return out;
}

const DAY_WORDS = new Set(["today", "tonight", "tomorrow"]);

/** The time the draft promised in this sentence ("by Friday", "tomorrow"), to keep in the honest rewrite. */
function timeIn(input: ReplyInput, words: readonly Word[], sentence: number): string | null {
  const s = input.reply.sentences[sentence];
  const parsed =
    s && input.timelines.find((t) => !t.customerDeadline && t.span.start >= s.start && t.span.end <= s.end);
  if (parsed) return parsed.span.text;
  const day = words.find((w) => w.sentence === sentence && DAY_WORDS.has(w.w));
  return day ? day.w : null;
}

function withTime(template: string, time: string | null): string {
  if (!time) return template;
  const by =
    /^(by|within|on|in|before|until)\b/i.test(time) || DAY_WORDS.has(time.toLowerCase())
      ? time
      : `by ${time}`;
  return template.replace("by [realistic time]", by).replace("by [time]", by);
}

export function detectOverpromise(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const cues: Cue[] = [];
    // One rewrite per sentence, chosen by its strongest cue.
    const strongest = new Map<number, { w: number; cue: Cue; kind: OverpromiseKind }>();
    for (const m of overpromiseSet.find(words)) {
      const sentence = words[m.from]?.sentence ?? 0;
      if (negatedBefore(words, m.from) || sentenceHedged(words, sentence)) continue;
      const cue: Cue = { span: wordRangeSpan(input, words, m.from, m.to), p: m.entry.w };
      cues.push(cue);
      const prev = strongest.get(sentence);
      if (!prev || m.entry.w > prev.w) strongest.set(sentence, { w: m.entry.w, cue, kind: m.entry.kind });
    }
    for (const [sentence, { cue, kind }] of strongest) {
      cue.rewrite = {
        span: sentenceWordSpan(input, words, sentence),
        replacement: withTime(OVERPROMISE_REWRITES[kind], timeIn(input, words, sentence)),
      };
    }
    cues.push(...timelineCues(input, words));
    return resultFromCues("overpromise", cues, { baseline: 0.01, suggestion: SUGGESTION });
  } catch {
    return emptyResult("overpromise");
  }
}
