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
import { blendLearned } from "./detectors/customer/learned-blend.js";
import { maskedText, maskSpan } from "./detectors/customer/mask-profanity.js";
import { detectProfanity } from "./detectors/customer/profanity.js";
import { detectRepeatContact } from "./detectors/customer/repeat-contact.js";
import { detectRepeatedPunctuation } from "./detectors/customer/repeated-punctuation.js";
import { detectSarcasm } from "./detectors/customer/sarcasm.js";
import { detectThreats } from "./detectors/customer/threats.js";
import { learnedCustomerSignals } from "./models/learned.js";
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

function read(raw: string, context: CustomerContext): Reading {
  const text = readCustomerText(raw);
  const input: CustomerInput = { text, context };
  const words = detectEmotionWords(input);
  const profanity = detectProfanity(input);
  const abuse = detectAbuse(input, profanity);
  const base = [
    ...words,
    ...detectHashtags(input),
    ...detectCaps(input),
    ...detectRepeatedPunctuation(input),
    ...detectEmoji(input),
  ];
  const negative = base.filter((h) => h.weight >= 0.3);
  const complaint = {
    sentences: new Set(negative.map((h) => h.sentence)),
    message: negative.reduce((n, h) => n + h.weight, 0) >= 0.8 || profanity.length > 0,
  };
  const sarcasm = detectSarcasm(input, complaint);
  const contrast = detectContrast(input, [...base, ...sarcasm]);
  const profanityHits: EmotionHit[] = profanity.map((p) => ({
    kind: "profanity",
    span: p.span,
    sentence: p.sentence,
    emotions: p.exclamation ? {} : { anger: p.strong ? 0.5 : 0.25 },
    weight: p.exclamation ? 0.05 : p.strong ? 0.45 : 0.2,
  }));
  const hits = [...base, ...sarcasm, ...contrast.hits, ...profanityHits, ...abuse.hits];
  const discounts = { sarcastic: new Set(sarcasm.map((h) => h.sentence)), contrasted: contrast.discounted };
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

function trendOf(current: number, previous: readonly string[] | undefined): AngerTrend | null {
  const earlier = (previous ?? []).filter((m) => typeof m === "string").slice(-TREND_WINDOW);
  if (earlier.length === 0) return null;
  const past = earlier.map((m) => {
    const r = read(m, {});
    return angerOf(r, signalsOf(r));
  });
  const mean = past.reduce((a, b) => a + b, 0) / past.length;
  if (current - mean >= TREND_STEP) return "rising";
  if (mean - current >= TREND_STEP) return "falling";
  return "steady";
}

export function analyzeCustomer(text: string, context: CustomerContext = {}): CustomerAnalysis {
  const ctx: CustomerContext = context ?? {};
  const r = read(typeof text === "string" ? text : String(text ?? ""), ctx);
  const signals = signalsOf(r);
  const blended = blendLearned(
    { anger: angerOf(r, signals), emotions: r.emotions, abuseConfidence: r.abuse.confidence },
    learnedCustomerSignals(r.text.t.text),
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
  const m = masking ? (s: Span) => maskSpan(s, masked) : (s: Span) => s;
  const facts = detectFacts({ text: r.text, context: ctx });
  return {
    anger,
    anger_level: level,
    anger_label: ANGER_LEVEL_NAMES[level],
    anger_trend: trendOf(anger, ctx.previousMessages),
    emotions,
    abusive,
    abuse_confidence: blended.abuseConfidence,
    abuse_spans: abusive ? r.abuse.spans.map(m) : [],
    threats: r.threats.map((t) => ({ ...t, spans: t.spans.map(m) })),
    repeat_contact: repeat,
    repeat_contact_confidence: r.repeat.confidence,
    repeat_contact_spans: repeat ? r.repeat.spans.map(m) : [],
    facts: masking ? facts.map((f) => maskFact(f, masked)) : facts,
    signals: masking ? signals.map((s) => ({ kind: s.kind, weight: s.weight, span: m(s.span) })) : signals,
    ...customerModelFields(r.text.t.text),
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
