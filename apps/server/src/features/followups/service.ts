/**
 * @module Follow-up after resolution: scheduled when a case is resolved, sent when due, answered by the customer
 * through a signed link. What other features (reactions, jobs, demo data, analytics) use of it.
 */
import type { Followup } from "@keel/db";

export { answerByToken, FOLLOWUP_REOPENED_KIND, followupOfToken, isBadAnswer } from "./answer.js";
export { followUpOnResolution } from "./schedule.js";
export {
  FOLLOWUP_CHECK_EVERY_MS,
  FOLLOWUP_CHECK_QUEUE,
  type FollowupDeps,
  followupText,
  sendDueFollowups,
} from "./send-job.js";
export { followupsSetting } from "./settings.js";

export type FollowupState = "scheduled" | "waiting" | "answered" | "cancelled";

export function followupState(f: Followup): FollowupState {
  if (f.answered_at !== null) return "answered";
  if (f.cancelled_at !== null) return "cancelled";
  return f.sent_at === null ? "scheduled" : "waiting";
}
