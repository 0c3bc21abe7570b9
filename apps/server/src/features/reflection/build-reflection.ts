/**
 * @module What a reflection card says, read from a resolved case's thread: for each reply by the agent, the
 * customer's anger just before and in their next message. Practices the coach saw in replies the customer calmed
 * after went well; problems the coach flagged in replies the anger rose after (or, without any, the practices
 * those replies lacked) are what to try next time. Every item names its messages.
 */
import type { ReflectionItem } from "@keel/contracts";
import type { JsonValue, Message } from "@keel/db";
import { hostilityOf } from "../wellbeing/service.js";

/** Anger has to move at least this much (0–100) for a reply to count as helping or hurting. */
export const ANGER_CHANGE = 5;

const PRACTICES: Record<string, string> = {
  acknowledges: "Acknowledged the problem",
  apology_sincere: "Apologised plainly",
  empathy: "Showed empathy",
  paraphrase: "Restated the problem in your own words",
  clarifying_question: "Asked a clarifying question",
  next_step: "Gave a concrete next step",
  timeline: "Gave a realistic timeline",
  asks_input: "Asked for the customer's input",
  sets_boundary: "Set a calm boundary and kept helping",
};

const PROBLEMS: Record<string, string> = {
  non_apology: 'A non-apology ("sorry if…", "any inconvenience")',
  overpromise: "Promised more than you control",
  blame: "Blame or a defensive tone",
  negative_language: 'Negative framing ("unfortunately", "we can\'t")',
  robotic: "Robotic, templated wording",
};

/** Practices whose absence is worth naming when a reply was followed by rising anger. */
const MISSED = ["acknowledges", "apology_sincere", "empathy", "next_step", "timeline"] as const;
const MISSED_TEXT: Record<(typeof MISSED)[number], string> = {
  acknowledges: "Name the problem first, so the customer knows you heard it",
  apology_sincere: 'Apologise plainly for what went wrong, without "if" or "any"',
  empathy: "Say how this must feel for them before moving to the fix",
  next_step: "Say exactly what you will do next",
  timeline: "Say when they will hear from you next",
};

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

/** The coach's labels on a stored reply: label → { value, suggestion }. */
function labelsOf(message: Message): Map<string, { value: boolean; suggestion: string | null }> {
  const labels = new Map<string, { value: boolean; suggestion: string | null }>();
  const analysis = message.analysis ?? undefined;
  if (!isObject(analysis) || analysis.kind !== "reply" || !isObject(analysis.result)) return labels;
  const stored = analysis.result.labels;
  if (!isObject(stored)) return labels;
  for (const [label, result] of Object.entries(stored)) {
    if (!isObject(result)) continue;
    labels.set(label, {
      value: result.value === true,
      suggestion: typeof result.suggestion === "string" ? result.suggestion : null,
    });
  }
  return labels;
}

export interface ReflectionContent {
  wentWell: ReflectionItem[];
  tryNext: ReflectionItem[];
  messageIds: string[];
}

export function buildReflection(thread: readonly Message[], agentId: string): ReflectionContent {
  const wentWell: ReflectionItem[] = [];
  const tryNext: ReflectionItem[] = [];
  const ids = new Set<string>();
  thread.forEach((reply, i) => {
    if (reply.direction !== "outbound" || reply.author_agent_id !== agentId) return;
    const before = thread
      .slice(0, i)
      .filter((m) => hostilityOf(m) !== null)
      .at(-1);
    const after = thread.slice(i + 1).find((m) => hostilityOf(m) !== null);
    const angerBefore = before ? hostilityOf(before)?.anger : undefined;
    const angerAfter = after ? hostilityOf(after)?.anger : undefined;
    if (!before || !after || angerBefore === undefined || angerAfter === undefined) return;
    const change = angerAfter - angerBefore;
    if (Math.abs(change) < ANGER_CHANGE) return;
    const labels = labelsOf(reply);
    const item = (label: string, text: string): ReflectionItem => ({
      label,
      text,
      replyMessageId: reply.id,
      customerMessageIds: [before.id, after.id],
      angerBefore,
      angerAfter,
    });
    const found: ReflectionItem[] = [];
    if (change < 0) {
      for (const [label, text] of Object.entries(PRACTICES)) {
        if (labels.get(label)?.value) found.push(item(label, text));
      }
      wentWell.push(...found);
    } else {
      for (const [label, text] of Object.entries(PROBLEMS)) {
        const seen = labels.get(label);
        if (seen?.value) found.push(item(label, seen.suggestion ? `${text}: ${seen.suggestion}` : text));
      }
      if (found.length === 0) {
        for (const label of MISSED) {
          if (labels.has(label) && !labels.get(label)?.value) found.push(item(label, MISSED_TEXT[label]));
        }
      }
      tryNext.push(...found);
    }
    if (found.length > 0) for (const id of [before.id, reply.id, after.id]) ids.add(id);
  });
  return { wentWell, tryNext, messageIds: [...ids] };
}
