/** @module `analyzeCustomer`: reads one customer message — anger, emotions, abuse, threats, repeat contact, facts. */
import { detectAbuse } from "./detectors/customer/abuse.js";
import { angerFromRaw, angerLevelOf, rawAnger } from "./detectors/customer/anger-score.js";
import { detectCaps } from "./detectors/customer/caps.js";
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
import { readCustomerModels } from "./models/learned.js";
import { customerModelFields } from "./models/model-fields.js";
import {
  ANGER_LEVEL_NAMES,
  type AngerSignal,
  type AngerTrend,
  type CustomerAnalysis,
  type CustomerContext,
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
  hits: EmotionHit[];
  emotions: Record<Emotion, number>;
  calm: number;
  abuse: ReturnType<typeof detectAbuse>;
  profaneSpans: Span[];
  threats: ReturnType<typeof detectThreats>;
  repeat: ReturnType<typeof detectRepeatContact>;
  sarcastic: boolean;
}

/** Shared by readings with no sentence to name (most messages): read, never written. */
const NO_SENTENCES: ReadonlySet<number> = new Set<number>();

function read(raw: string, context: CustomerContext): Reading {
  const text = readCustomerText(raw);
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
  const profanityHits: EmotionHit[] = profanity.map((p) => ({
    kind: "profanity",
    span: p.span,
    sentence: p.sentence,
    emotions: p.exclamation ? {} : { anger: p.strong ? 0.5 : 0.25 },
    weight: p.exclamation ? 0.05 : p.strong ? 0.45 : 0.2,
  }));
  const hits = [...base, ...sarcasm, ...contrast.hits, ...profanityHits, ...abuse.hits];
  const discounts = {
    sarcastic: sarcasm.length === 0 ? NO_SENTENCES : new Set(sarcasm.map((h) => h.sentence)),
    contrasted: contrast.discounted,
  };
  return {
    text,
    hits,
    emotions: foldEmotions(hits, discounts),
    calm: calmEvidence(hits, discounts),
    abuse,
    profaneSpans: profanity.map((p) => p.span),
    threats: detectThreats(input),
    repeat: detectRepeatContact(input),
    sarcastic: sarcasm.length > 0,
  };
}

interface Remembered {
  reading: Reading;
  /** Worked out on first need: earlier messages read for the trend never need theirs. */
  facts: Fact[] | null;
}

// A message is often read more than once in a row: analysed, then coached against (coachReply analyses it again), or
// re-read as an earlier message of the next one. Reading is pure, so the last few readings are kept; the result
// objects are rebuilt on every call, so a caller changing one cannot change another.
const RECENT_READINGS = 4;
const recentReadings = new Map<string, Remembered>();
// Calls without context are keyed by the text alone, in a map of their own (no key string built per call).
const recentPlainReadings = new Map<string, Remembered>();

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
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const reading = read(raw, context);
  if (cache.size >= RECENT_READINGS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  const entry: Remembered = { reading, facts: null };
  cache.set(key, entry);
  return entry;
}

function appendAll<T>(into: T[], more: readonly T[]): void {
  for (const x of more) into.push(x);
}

function copySpan(s: Span): Span {
  return { start: s.start, end: s.end, text: s.text };
}

function signalsOf(r: Reading): AngerSignal[] {
  const signals: AngerSignal[] = r.hits
    .filter((h) => h.weight > 0)
    .map((h) => ({ kind: h.kind, weight: round(h.weight), span: h.span }));
  for (const t of r.threats) {
    for (const span of t.spans) signals.push({ kind: "threat", weight: round(0.8 * t.confidence), span });
  }
  if (r.repeat.confidence >= REPEAT_THRESHOLD) {
    for (const span of r.repeat.spans)
      signals.push({ kind: "repeat_contact", weight: round(0.3 * r.repeat.confidence), span });
  }
  return signals.sort((a, b) => a.span.start - b.span.start || b.weight - a.weight);
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

export function analyzeCustomer(text: string, context: CustomerContext = {}): CustomerAnalysis {
  const ctx: CustomerContext = context ?? {};
  const entry = remembered(typeof text === "string" ? text : String(text ?? ""), ctx);
  const r = entry.reading;
  entry.facts ??= detectFacts({ text: r.text, context: ctx });
  const facts = entry.facts;
  const signals = signalsOf(r);
  const blended = blendProbabilities(
    { anger: angerOf(r, signals), emotions: r.emotions, abuseConfidence: r.abuse.confidence },
    readCustomerModels(r.text.t.text),
  );
  const anger = Math.max(0, Math.min(100, blended.anger));
  const level = angerLevelOf(anger);
  const emotions = {
    ...blended.emotions,
    anger: round(Math.max(blended.emotions.anger, (anger / 100) * 0.9)),
  };
  if (r.sarcastic) {
    // A model reads "thanks for nothing" as thanks; the rules have already discounted it.
    emotions.gratitude = Math.min(emotions.gratitude, r.emotions.gratitude);
    emotions.relief = Math.min(emotions.relief, r.emotions.relief);
  }
  const abusive = blended.abuseConfidence >= ABUSE_THRESHOLD;
  const repeat = r.repeat.confidence >= REPEAT_THRESHOLD;
  const masking = ctx.maskProfanity === true && r.profaneSpans.length > 0;
  const masked = masking ? maskedText(r.text.t.text, r.profaneSpans) : r.text.t.text;
  const m = masking ? (s: Span) => maskSpan(s, masked) : copySpan;
  const model = customerModelFields(r.text.t.text);
  return {
    anger,
    anger_level: level,
    anger_label: ANGER_LEVEL_NAMES[level],
    anger_trend: trendOf(anger, ctx.previousMessages, ctx.previousAnger),
    emotions,
    abusive,
    abuse_confidence: blended.abuseConfidence,
    abuse_spans: abusive ? r.abuse.spans.map(m) : [],
    threats: r.threats.map((t) => ({ ...t, spans: t.spans.map(m) })),
    repeat_contact: repeat,
    repeat_contact_confidence: r.repeat.confidence,
    repeat_contact_spans: repeat ? r.repeat.spans.map(m) : [],
    facts: masking
      ? facts.map((f) => maskFact(f, masked))
      : facts.map((f) => ({ ...f, span: copySpan(f.span) })),
    signals: signals.map((s) => ({ kind: s.kind, weight: s.weight, span: m(s.span) })),
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
