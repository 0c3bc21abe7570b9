/** @module `analyzeCustomer`: reads one customer message — anger, emotions, abuse, threats, repeat contact, facts. */

import { detectAbuse } from "./detectors/customer/abuse.js";
import { angerFromRaw, angerLevelOf, rawAnger } from "./detectors/customer/anger-score.js";
import { detectCaps } from "./detectors/customer/caps.js";
import { complaintCues } from "./detectors/customer/complaint-cues.js";
import { detectContrast } from "./detectors/customer/contrast.js";
import { type CustomerText, readCustomerText } from "./detectors/customer/customer-text.js";
import type { CustomerInput, EmotionHit } from "./detectors/customer/detector.js";
import { detectEmoji } from "./detectors/customer/emoji.js";
import { detectEmotionWords } from "./detectors/customer/emotion-words.js";
import { calmEvidence, foldEmotions } from "./detectors/customer/emotions.js";
import { detectFacts } from "./detectors/customer/facts.js";
import { detectHashtags } from "./detectors/customer/hashtags.js";
import { blendProbabilities } from "./detectors/customer/learned-blend.js";
import { maskedText, maskSpan } from "./detectors/customer/mask-profanity.js";
import { detectProfanity } from "./detectors/customer/profanity.js";
import { detectRepeatContact } from "./detectors/customer/repeat-contact.js";
import { detectRepeatedPunctuation } from "./detectors/customer/repeated-punctuation.js";
import { detectSarcasm } from "./detectors/customer/sarcasm.js";
import { detectThreats } from "./detectors/customer/threats.js";
import type { CueCounts } from "./models/complaint.js";
import { readCustomerModels } from "./models/learned.js";
import { customerModelFields } from "./models/model-fields.js";
import { weightsGeneration } from "./models/weights-registry.js";
import { sortInPlace } from "./text/match.js";
import type { Tokenized } from "./text/tokenize.js";
import {
  ANGER_LEVEL_NAMES,
  type AngerSignal,
  type AngerTrend,
  type CustomerAnalysis,
  type CustomerContext,
  type CustomerGist,
  type Emotion,
  type Fact,
  type Span,
} from "./types.js";

/** Confidence at which abuse is reported. */
const ABUSE_THRESHOLD = 0.5;
const REPEAT_THRESHOLD = 0.55;
/** Earlier messages read for the trend (the most recent ones). */
const TREND_WINDOW = 3;
const TREND_STEP = 10;

interface Reading {
  text: CustomerText;
  /** The complaint blend's cue counts, read from the tokens while they are fresh in the cache. */
  cues: CueCounts;
  hits: EmotionHit[];
  emotions: Record<Emotion, number>;
  calm: number;
  abuse: ReturnType<typeof detectAbuse>;
  profaneSpans: readonly Span[];
  threats: ReturnType<typeof detectThreats>;
  repeat: ReturnType<typeof detectRepeatContact>;
  sarcastic: boolean;
}

/** Shared by readings with no sentence to name (most messages): read, never written. */
const NO_SENTENCES: ReadonlySet<number> = new Set<number>();
/** Shared by readings with no profanity (most messages): read, never written. */
const NO_SPANS: readonly Span[] = [];

function read(raw: string, context: CustomerContext): Reading {
  const text = readCustomerText(raw);
  const cues = complaintCues(text);
  const input: CustomerInput = { text, context };
  const words = detectEmotionWords(input);
  const profanity = detectProfanity(input);
  const abuse = detectAbuse(input, profanity);
  const base = words;
  appendAll(base, detectHashtags(input));
  appendAll(base, detectCaps(input));
  appendAll(base, detectRepeatedPunctuation(input));
  appendAll(base, detectEmoji(input));
  let negativeSentences: Set<number> | null = null;
  let negativeWeight = 0;
  for (const h of base) {
    if (h.weight < 0.3) continue;
    negativeSentences ??= new Set<number>();
    negativeSentences.add(h.sentence);
    negativeWeight += h.weight;
  }
  const complaint = {
    sentences: negativeSentences ?? NO_SENTENCES,
    message: negativeWeight >= 0.8 || profanity.length > 0,
  };
  const sarcasm = detectSarcasm(input, complaint);
  const contrast = detectContrast(input, sarcasm.length === 0 ? base : [...base, ...sarcasm]);
  // The detectors' own fresh arrays, appended in place: most are empty, so copying them all into a new one is waste.
  const hits = base;
  appendAll(hits, sarcasm);
  appendAll(hits, contrast.hits);
  for (const p of profanity)
    hits.push({
      kind: "profanity",
      span: p.span,
      sentence: p.sentence,
      emotions: p.exclamation ? {} : { anger: p.strong ? 0.5 : 0.25 },
      weight: p.exclamation ? 0.05 : p.strong ? 0.45 : 0.2,
    });
  appendAll(hits, abuse.hits);
  const discounts = {
    sarcastic: sarcasm.length === 0 ? NO_SENTENCES : new Set(sarcasm.map((h) => h.sentence)),
    contrasted: contrast.discounted,
  };
  return {
    text,
    cues,
    hits,
    emotions: foldEmotions(hits, discounts),
    calm: calmEvidence(hits, discounts),
    abuse,
    profaneSpans: profanity.length === 0 ? NO_SPANS : profanity.map((p) => p.span),
    threats: detectThreats(input),
    repeat: detectRepeatContact(input),
    sarcastic: sarcasm.length > 0,
  };
}

interface Remembered {
  reading: Reading;
  /** Worked out on first need: earlier messages read for the trend never need theirs. */
  facts: Fact[] | null;
  /** What coachReply reads, worked out on its first need under the weights generation it was read with. */
  gist: CustomerGist | null;
  gistGeneration: number;
}

// A message is often read more than once in a row: analysed, then coached against (coachReply reads it again), or
// re-read as an earlier message of the next one. Reading is pure, so the last few readings are kept; the result
// objects are rebuilt on every call, so a caller changing one cannot change another.
const RECENT_READINGS = 4;
/** A few recent readings by key, each slot replaced in turn. */
interface Recent {
  keys: (string | undefined)[];
  entries: (Remembered | undefined)[];
  next: number;
}
const recentReadings: Recent = { keys: [], entries: [], next: 0 };
// Calls without context are keyed by the text alone, in a table of their own (no key string built per call).
const recentPlainReadings: Recent = { keys: [], entries: [], next: 0 };

/** Everything in the context that `read` and `detectFacts` look at; masking only changes the returned copy. */
function readingKey(raw: string, context: CustomerContext): string {
  const rest = [context.previousMessages ?? [], context.productNames ?? [], context.referenceDate ?? null];
  return `${JSON.stringify(rest)}\u0000${raw}`;
}

function remembered(raw: string, context: CustomerContext): Remembered {
  // An empty list reads like no list (coachReply passes `previousMessages: []`): both share the plain cache.
  const plain =
    !context.previousMessages?.length &&
    !context.productNames?.length &&
    (context.referenceDate ?? undefined) === undefined;
  const cache = plain ? recentPlainReadings : recentReadings;
  const key = plain ? raw : readingKey(raw, context);
  for (let i = 0; i < cache.keys.length; i++)
    if (cache.keys[i] === key) return cache.entries[i] as Remembered;
  const entry: Remembered = { reading: read(raw, context), facts: null, gist: null, gistGeneration: -1 };
  // Plain arrays, not a Map: readings held by a Map (churned by delete and set) were measured to survive young
  // collections and reach the old generation, which doubled the time per message spent collecting garbage.
  cache.keys[cache.next] = key;
  cache.entries[cache.next] = entry;
  cache.next = (cache.next + 1) % RECENT_READINGS;
  return entry;
}

function appendAll<T>(into: T[], more: readonly T[]): void {
  for (const x of more) into.push(x);
}

function copySpan(s: Span): Span {
  return { start: s.start, end: s.end, text: s.text };
}

const sameSpan = (s: Span): Span => s;

/** The reading's signals, in text order; `m` gives each its span (a copy for a result, the same one when only read). */
function signalsOf(r: Reading, m: (s: Span) => Span = sameSpan): AngerSignal[] {
  const signals: AngerSignal[] = [];
  for (const h of r.hits)
    if (h.weight > 0) signals.push({ kind: h.kind, weight: round(h.weight), span: m(h.span) });
  for (const t of r.threats) {
    for (const span of t.spans)
      signals.push({ kind: "threat", weight: round(0.8 * t.confidence), span: m(span) });
  }
  if (r.repeat.confidence >= REPEAT_THRESHOLD) {
    for (const span of r.repeat.spans)
      signals.push({ kind: "repeat_contact", weight: round(0.3 * r.repeat.confidence), span: m(span) });
  }
  // Sorting allocates scratch even when there is nothing to order (most messages have no signal or one).
  if (signals.length < 2) return signals;
  return sortInPlace(signals, bySpanThenWeight);
}

function bySpanThenWeight(a: AngerSignal, b: AngerSignal): number {
  return a.span.start - b.span.start || b.weight - a.weight;
}

function angerOf(r: Reading, signals: readonly AngerSignal[]): number {
  return angerFromRaw(rawAnger(signals, r.calm));
}

function trendOf(
  current: number,
  previous: readonly string[] | undefined,
  storedAnger: CustomerContext["previousAnger"],
): AngerTrend | null {
  if (!previous || (Array.isArray(previous) && previous.length === 0)) return null;
  const earlier = previous
    .map((text, i) => ({ text, stored: storedAnger?.[i] }))
    .filter((m) => typeof m.text === "string")
    .slice(-TREND_WINDOW);
  if (earlier.length === 0) return null;
  // A caller that stored the earlier readings passes their anger, so those messages need not be read again.
  const past = earlier.map(({ text, stored }) => {
    if (typeof stored === "number" && Number.isFinite(stored)) return stored;
    const r = remembered(text, {}).reading;
    return angerOf(r, signalsOf(r));
  });
  const mean = past.reduce((a, b) => a + b, 0) / past.length;
  if (current - mean >= TREND_STEP) return "rising";
  if (mean - current >= TREND_STEP) return "falling";
  return "steady";
}

/** The rules' reading blended with the learned models' (its anger not yet clamped). */
function blendedOf(r: Reading, signals: readonly AngerSignal[]): ReturnType<typeof blendProbabilities> {
  return blendProbabilities(
    { anger: angerOf(r, signals), emotions: r.emotions, abuseConfidence: r.abuse.confidence },
    readCustomerModels(r.text.t.text),
  );
}

function clampAnger(anger: number): number {
  return Math.max(0, Math.min(100, anger));
}

function threatsOf(r: Reading, m: (s: Span) => Span): CustomerAnalysis["threats"] {
  return r.threats.map((t) => ({ ...t, spans: t.spans.map(m) }));
}

/**
 * The customer message as coachReply reads it: only the fields its detectors use (no facts, trend or model labels),
 * and the tokens it was read from, so the message is tokenized once. Both are shared between calls: read, never write.
 */
export function customerGist(
  text: string,
  previousMessages: string[],
): { gist: CustomerGist; tokens: Tokenized } {
  const entry = remembered(text, { previousMessages });
  const r = entry.reading;
  const generation = weightsGeneration();
  if (entry.gist === null || entry.gistGeneration !== generation) {
    const blended = blendedOf(r, signalsOf(r));
    entry.gist = {
      anger_level: angerLevelOf(clampAnger(blended.anger)),
      abusive: blended.abuseConfidence >= ABUSE_THRESHOLD,
      threats: threatsOf(r, copySpan),
      repeat_contact: r.repeat.confidence >= REPEAT_THRESHOLD,
    };
    entry.gistGeneration = generation;
  }
  return { gist: entry.gist, tokens: r.text.t };
}

export function analyzeCustomer(text: string, context: CustomerContext = {}): CustomerAnalysis {
  const ctx: CustomerContext = context ?? {};
  const entry = remembered(typeof text === "string" ? text : String(text ?? ""), ctx);
  const r = entry.reading;
  entry.facts ??= detectFacts({ text: r.text, context: ctx });
  const facts = entry.facts;
  const masking = ctx.maskProfanity === true && r.profaneSpans.length > 0;
  const masked = masking ? maskedText(r.text.t.text, r.profaneSpans) : r.text.t.text;
  const m = masking ? (s: Span) => maskSpan(s, masked) : copySpan;
  // Built with the result's own spans: the signals are returned as they are.
  const signals = signalsOf(r, m);
  const blended = blendedOf(r, signals);
  const anger = clampAnger(blended.anger);
  const level = angerLevelOf(anger);
  const e = blended.emotions;
  // Named one by one in EMOTIONS order (the order the blend gives them): a spread copy is slow on this hot path.
  const emotions: Record<Emotion, number> = {
    anger: round(Math.max(e.anger, (anger / 100) * 0.9)),
    annoyance: e.annoyance,
    disappointment: e.disappointment,
    frustration: e.frustration,
    confusion: e.confusion,
    fear: e.fear,
    sadness: e.sadness,
    gratitude: e.gratitude,
    relief: e.relief,
  };
  if (r.sarcastic) {
    // A model reads "thanks for nothing" as thanks; the rules have already discounted it.
    emotions.gratitude = Math.min(emotions.gratitude, r.emotions.gratitude);
    emotions.relief = Math.min(emotions.relief, r.emotions.relief);
  }
  const abusive = blended.abuseConfidence >= ABUSE_THRESHOLD;
  const repeat = r.repeat.confidence >= REPEAT_THRESHOLD;
  const model = customerModelFields(r.text.t.text, r.cues);
  return {
    anger,
    anger_level: level,
    anger_label: ANGER_LEVEL_NAMES[level],
    anger_trend: trendOf(anger, ctx.previousMessages, ctx.previousAnger),
    emotions,
    abusive,
    abuse_confidence: blended.abuseConfidence,
    abuse_spans: abusive ? r.abuse.spans.map(m) : [],
    threats: threatsOf(r, m),
    repeat_contact: repeat,
    repeat_contact_confidence: r.repeat.confidence,
    repeat_contact_spans: repeat ? r.repeat.spans.map(m) : [],
    facts: masking
      ? facts.map((f) => maskFact(f, masked))
      : facts.map((f) => ({ ...f, span: copySpan(f.span) })),
    signals,
    // Named one by one, in the order customerModelFields gives them: copying by spread is slow on this hot path.
    emotion_labels: model.emotion_labels,
    complaint: model.complaint,
    complaint_probability: model.complaint_probability,
    offensive: model.offensive,
  };
}

function maskFact(f: Fact, masked: string): Fact {
  const span = maskSpan(f.span, masked);
  const out: Fact = { kind: f.kind, value: span.text, span };
  if (f.normalized !== undefined) out.normalized = f.normalized;
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
