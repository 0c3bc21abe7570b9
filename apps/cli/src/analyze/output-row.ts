/** @module The one place that maps coach results to the fields `keel analyze` writes for each row. */
import {
  type CustomerAnalysis,
  type Emotion,
  type EmpathyLevels,
  type Fact,
  type OffensiveClass,
  REPLY_LABELS,
  type ReplyCoaching,
  type ReplyLabel,
  type Threat,
} from "@keel/coach";

export interface CustomerOutput {
  anger: number;
  anger_level: number;
  emotions: Record<Emotion, number>;
  abusive: boolean;
  threats: Threat[];
  repeat_contact: boolean;
  facts: Fact[];
  /** GoEmotions label names (multi-label). */
  emotion_labels: string[];
  complaint: boolean;
  offensive: OffensiveClass;
}

export interface ReplyOutput {
  score: number;
  labels: Record<ReplyLabel, boolean>;
  fixes: string[];
  empathy_levels: EmpathyLevels;
  politeness: number;
}

export interface OutputRow {
  id: string | number;
  customer: CustomerOutput | null;
  reply: ReplyOutput | null;
}

// Three decimals are plenty for a 0–1 score and keep a million-row export a third smaller.
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function toCustomerOutput(a: CustomerAnalysis): CustomerOutput {
  const emotions = {} as Record<Emotion, number>;
  for (const [name, value] of Object.entries(a.emotions) as Array<[Emotion, number]>)
    emotions[name] = round3(value);
  return {
    anger: a.anger,
    anger_level: a.anger_level,
    emotions,
    abusive: a.abusive,
    threats: a.threats,
    repeat_contact: a.repeat_contact,
    facts: a.facts,
    emotion_labels: a.emotion_labels,
    complaint: a.complaint,
    offensive: a.offensive,
  };
}

export function toReplyOutput(c: ReplyCoaching): ReplyOutput {
  const labels = {} as Record<ReplyLabel, boolean>;
  for (const label of REPLY_LABELS) labels[label] = c.labels[label].value;
  return {
    score: c.score,
    labels,
    fixes: c.fixes,
    empathy_levels: c.empathy_levels,
    politeness: round3(c.politeness),
  };
}

export function toOutputRow(
  id: string | number,
  customer: CustomerAnalysis | null,
  reply: ReplyCoaching | null,
): OutputRow {
  return {
    id,
    customer: customer ? toCustomerOutput(customer) : null,
    reply: reply ? toReplyOutput(reply) : null,
  };
}
