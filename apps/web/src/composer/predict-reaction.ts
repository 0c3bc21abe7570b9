/**
 * @module The customer's likely reaction to a draft, derived from the coach's score and labels (a rule of thumb, not a
 * trained model): blame and non-apologies are what angry customers most often escalate over; an acknowledgement with
 * a concrete next step or timeline is what most often calms them. The score decides the cases in between.
 */
import type { ReplyCoaching } from "@keel/coach";

export type Reaction = "calmer" | "unchanged" | "angrier";

export interface ReactionForecast {
  reaction: Reaction;
  headline: string;
  /** Why, most important first. */
  because: string[];
  /** The customer's anger now and the rough figure to expect after this reply; null without a reading. */
  anger: { now: number; after: number } | null;
}

const SHIFT: Record<Reaction, number> = { calmer: -20, unchanged: 0, angrier: 15 };

export function predictReaction(coaching: ReplyCoaching, customerAnger: number | null): ReactionForecast {
  const l = coaching.labels;
  const because: string[] = [];
  if (l.blame?.value) because.push("it blames the customer or someone else");
  if (l.non_apology?.value) because.push("the apology reads as a non-apology");
  if (l.overpromise?.value) because.push("it promises more than we control");
  if (l.negative_language?.value) because.push("it dwells on what we can't do");
  if (l.robotic?.value) because.push("it sounds scripted");
  const provoking = l.blame?.value || l.non_apology?.value;
  const calming = l.acknowledges?.value && (l.next_step?.value || l.timeline?.value);

  let reaction: Reaction;
  if (provoking) reaction = "angrier";
  else if (calming && coaching.score >= 65) reaction = "calmer";
  else if (coaching.score >= 40) reaction = "unchanged";
  else reaction = "angrier";

  if (reaction === "calmer") {
    because.unshift("it acknowledges the problem and says what happens next");
  } else {
    if (!l.acknowledges?.value) because.push("it doesn't acknowledge the problem");
    if (!l.next_step?.value && !l.timeline?.value) because.push("there is no next step or timeline");
  }
  const headline =
    reaction === "calmer"
      ? "Likely to calm down"
      : reaction === "unchanged"
        ? "Likely to stay frustrated"
        : "Likely to get angrier";
  const anger =
    customerAnger === null
      ? null
      : {
          now: Math.round(customerAnger),
          after: Math.max(0, Math.min(100, Math.round(customerAnger + SHIFT[reaction]))),
        };
  return { reaction, headline, because: because.slice(0, 4), anger };
}
