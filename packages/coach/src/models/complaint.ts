/**
 * @module Complaint probability: a small logistic blend of GoEmotions and offensive-model outputs with service-failure
 * cues. No permitted complaint-labelled data exists, so the blend is fitted on weak labels (see training/).
 */
import type { CustomerProbabilities } from "./learned.js";

/** The blend's inputs, in the order its weights are stored. */
export const COMPLAINT_FEATURES = [
  "negative_emotion",
  "positive_emotion",
  "question_emotion",
  "neutral",
  "offensive",
  "failure_cues",
  "negations",
  "exclamations",
  "questions",
] as const;

export interface ComplaintBlendFile {
  format: "keel-blend-v1";
  name: "complaint";
  trainedOn: string;
  features: string[];
  weights: number[];
  bias: number;
  threshold: number;
}

const NEGATIVE = ["anger", "annoyance", "disappointment", "disapproval", "disgust", "sadness"];
const POSITIVE = [
  "gratitude",
  "admiration",
  "joy",
  "love",
  "excitement",
  "amusement",
  "approval",
  "optimism",
];
const QUESTION = ["curiosity", "confusion"];

// Words and phrases that report a service failure or a broken expectation.
const FAILURE_CUES =
  /\b(?:still|again|waiting|waited|hours?|days?|weeks?|broken|broke|stuck|missing|lost|late|delay(?:ed|s)?|cancel(?:l?ed)?|refund|charged|overcharged|wrong|error|fail(?:ed|s|ing)?|crash(?:ed|es|ing)?|issue|problem|worst|terrible|awful|horrible|ridiculous|unacceptable|disappoint(?:ed|ing)?|useless|poor|rude|ignored|nobody|no one|not working|doesn'?t work|won'?t|can'?t|couldn'?t|unable|never)\b/g;
const NEGATION = /\b(?:not|no|never|nothing|nobody|none|\w+n'?t)\b/g;

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

function maxOf(probs: CustomerProbabilities, names: readonly string[]): number {
  let m = 0;
  for (const name of names) {
    const i = probs.goemotionsLabels.indexOf(name);
    if (i >= 0) m = Math.max(m, probs.goemotions[i] ?? 0);
  }
  return m;
}

/** Feature vector for the blend, written into `out` (length = COMPLAINT_FEATURES). */
export function complaintFeatures(text: string, probs: CustomerProbabilities, out: Float64Array): void {
  const lower = text.toLowerCase().replace(/’/g, "'");
  out[0] = maxOf(probs, NEGATIVE);
  out[1] = maxOf(probs, POSITIVE);
  out[2] = maxOf(probs, QUESTION);
  out[3] = maxOf(probs, ["neutral"]);
  out[4] = 1 - (probs.offensive[2] ?? 1);
  out[5] = Math.log1p(countMatches(FAILURE_CUES, lower));
  out[6] = Math.log1p(countMatches(NEGATION, lower));
  out[7] = Math.min(1, countChar(text, 33));
  out[8] = Math.min(1, countChar(text, 63));
}

const scratch = new Float64Array(COMPLAINT_FEATURES.length);

/** Probability that `text` is a complaint under the blend. */
export function complaintProbability(
  text: string,
  probs: CustomerProbabilities,
  blend: ComplaintBlendFile,
): number {
  complaintFeatures(text, probs, scratch);
  let z = blend.bias;
  for (let i = 0; i < scratch.length; i++) z += (blend.weights[i] ?? 0) * (scratch[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
