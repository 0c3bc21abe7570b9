/** @module The coach's public result types: what `analyzeCustomer` and `coachReply` return. */

/** A half-open character range [start, end) into the analysed text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type AngerLevel = 0 | 1 | 2 | 3;
export const ANGER_LEVEL_NAMES = ["calm", "annoyed", "angry", "furious"] as const;
export type AngerLevelName = (typeof ANGER_LEVEL_NAMES)[number];

export const EMOTIONS = [
  "anger",
  "annoyance",
  "disappointment",
  "frustration",
  "confusion",
  "fear",
  "sadness",
  "gratitude",
  "relief",
] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const THREAT_KINDS = ["legal", "churn", "social_media", "regulator", "chargeback"] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export interface Threat {
  kind: ThreatKind;
  confidence: number;
  spans: Span[];
}

export const FACT_KINDS = [
  "order_number",
  "account_number",
  "ticket_number",
  "tracking_number",
  "amount",
  "date",
  "product",
  "email",
  "phone",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  /** The value as written, e.g. "#A-10293" or "$49.99". */
  value: string;
  /** A normalised form where one exists: "A-10293", "49.99 USD", "2026-11-20". */
  normalized?: string;
  span: Span;
}

/** A surface cue behind the anger score, shown to agents so the number is explainable. */
export interface AngerSignal {
  kind:
    | "caps"
    | "repeated_punctuation"
    | "intensifier"
    | "negated_positive"
    | "sarcasm"
    | "profanity"
    | "contrast"
    | "anger_word"
    | "threat"
    | "repeat_contact"
    | "abuse"
    | "emoji";
  weight: number;
  span: Span;
}

export interface CustomerContext {
  /** Earlier customer messages in the same case, oldest first: used for the anger trend and repeat contact. */
  previousMessages?: readonly string[];
  /**
   * The anger (0–100) already read for each of `previousMessages`, same order (null where unknown): the trend then
   * compares against these instead of reading those messages again.
   */
  previousAnger?: readonly (number | null)[];
  /** Replace profanity letters with asterisks in every returned span text. */
  maskProfanity?: boolean;
  /** Known product names of this desk, recognised as `product` facts. */
  productNames?: readonly string[];
  /** Reference date (ISO) for resolving relative dates like "last Tuesday"; defaults to none (kept relative). */
  referenceDate?: string;
}

export type AngerTrend = "rising" | "falling" | "steady";

/** The parts of a customer analysis the reply detectors read: `coachReply` works out only these. */
export type CustomerGist = Pick<CustomerAnalysis, "anger_level" | "abusive" | "threats" | "repeat_contact">;

export interface CustomerAnalysis {
  /** 0–100 anger intensity. */
  anger: number;
  anger_level: AngerLevel;
  anger_label: AngerLevelName;
  /** Compared with `previousMessages` when given. */
  anger_trend: AngerTrend | null;
  /** Each 0–1. */
  emotions: Record<Emotion, number>;
  abusive: boolean;
  /** 0–1: how sure the reading of `abusive` is (rules, nudged by the offensive-language model when present). */
  abuse_confidence?: number;
  abuse_spans: Span[];
  threats: Threat[];
  repeat_contact: boolean;
  /** 0–1: how sure the reading of `repeat_contact` is. */
  repeat_contact_confidence?: number;
  repeat_contact_spans: Span[];
  facts: Fact[];
  signals: AngerSignal[];
  /** GoEmotions label names predicted for the message (multi-label, tuned thresholds). */
  emotion_labels: string[];
  /** Whether the message is a complaint (a breach of the writer's expectations). */
  complaint: boolean;
  complaint_probability: number;
  /** Offensive-language class of the message as a whole (abuse aimed at us is `abusive`). */
  offensive: OffensiveClass;
}

export type OffensiveClass = "hate" | "offensive" | "neither";

/** EPITOME-style empathy mechanisms in a reply, each 0 (none), 1 (weak) or 2 (strong). */
export interface EmpathyLevels {
  emotional_reactions: 0 | 1 | 2;
  interpretations: 0 | 1 | 2;
  explorations: 0 | 1 | 2;
}

export const REPLY_LABELS = [
  "acknowledges",
  "apology_sincere",
  "non_apology",
  "empathy",
  "paraphrase",
  "clarifying_question",
  "next_step",
  "timeline",
  "overpromise",
  "blame",
  "negative_language",
  "robotic",
  "asks_input",
  "sets_boundary",
  "escalation_needed",
] as const;
export type ReplyLabel = (typeof REPLY_LABELS)[number];

/** Labels where `true` is a problem in the reply; the rest are practices we want to see. */
export const PROBLEM_LABELS: readonly ReplyLabel[] = [
  "non_apology",
  "overpromise",
  "blame",
  "negative_language",
  "robotic",
];

export interface Rewrite {
  /** The span of the reply to replace. */
  span: Span;
  replacement: string;
}

export interface LabelResult {
  label: ReplyLabel;
  value: boolean;
  /** 0–1: how sure the detector is that `value` is right. */
  confidence: number;
  spans: Span[];
  /** Plain-words advice, for problems (and for missing practices when it matters). */
  suggestion?: string;
  rewrites?: Rewrite[];
}

/** A concrete time found in a reply ("by Friday", "within 24 hours"), parsed without any date library. */
export interface ParsedTime {
  span: Span;
  kind: "date" | "time" | "datetime" | "duration" | "weekday" | "relative_day";
  /** ISO date/datetime when a reference date was given and the expression resolves to one. */
  resolved?: string;
  /** For durations: the amount in hours (business days count 24 h each here; calendars are the ledger's job). */
  hours?: number;
  /** Whether the expression is a deadline for the customer rather than a commitment by us. */
  customerDeadline: boolean;
}

/** What a promise in a reply is about, for the promise ledger. */
export type PromiseKind = "callback" | "update" | "refund" | "replacement" | "fix" | "other";
/** Who owes a promise: the writer ("I'll"), their team ("we'll", "our engineers will"), or the company ("your refund will"). */
export type PromiseOwner = "agent" | "team" | "company";

/** A commitment found in an outbound reply ("I'll call you back tomorrow before noon"). */
export interface ExtractedPromise {
  /** Short action phrase, e.g. "call you back". */
  what: string;
  owner: PromiseOwner;
  /** ISO instant (UTC, `…Z`) when a reference date was given and the time resolves; otherwise null. */
  due: string | null;
  /** The time as written, e.g. "tomorrow before noon". */
  dueText: string | null;
  /** The promise clause in the reply. */
  span: Span;
  /** 0–1: how sure the reading is (hedged or conditional wording lowers it). */
  confidence: number;
  kind: PromiseKind;
}

export interface ExtractPromisesOptions {
  /** The moment the reply is sent: ISO with offset or Z ("2026-03-12T10:00:00Z"). Without it no due is resolved. */
  referenceDate?: string;
  /** IANA zone of the customer ("Europe/London"); defaults to the offset written in `referenceDate`. */
  timeZone?: string;
  /** Skip Saturdays and Sundays when counting "business days" (default true). */
  businessDays?: boolean;
}

export interface ThreadMessage {
  role: "customer" | "agent";
  text: string;
}

export interface ReplyContext {
  /** Reference date (ISO) for resolving timelines. */
  referenceDate?: string;
  /**
   * The customer message's analysis when the caller already has it (`analyzeCustomer` on the same message and
   * thread, without masking): used as is instead of analysing the message again.
   */
  customerAnalysis?: CustomerAnalysis;
}

export interface ReplyCoaching {
  /** 0–100 overall quality of the draft. */
  score: number;
  labels: Record<ReplyLabel, LabelResult>;
  /** The three most important fixes, in plain words, most important first. */
  fixes: string[];
  timelines: ParsedTime[];
  empathy_levels: EmpathyLevels;
  /** 0–1 politeness of the reply. */
  politeness: number;
}
