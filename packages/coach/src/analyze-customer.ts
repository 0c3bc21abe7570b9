/** @module `analyzeCustomer`: reads one customer message — anger, emotions, abuse, threats, repeat contact, facts. */
import { customerModelFields } from "./models/model-fields.js";
import { tokenize } from "./text/tokenize.js";
import { type CustomerAnalysis, type CustomerContext, EMOTIONS, type Emotion } from "./types.js";

export function analyzeCustomer(text: string, _context: CustomerContext = {}): CustomerAnalysis {
  const t = tokenize(text);
  const emotions = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Record<Emotion, number>;
  return {
    anger: 0,
    anger_level: 0,
    anger_label: "calm",
    anger_trend: null,
    emotions,
    abusive: false,
    abuse_spans: [],
    threats: [],
    repeat_contact: false,
    repeat_contact_spans: [],
    facts: [],
    signals: [],
    ...customerModelFields(t.text),
  };
}
