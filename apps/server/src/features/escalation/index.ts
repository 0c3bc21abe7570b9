/** @module Escalation: the signals that advise a supervisor and the handoff brief that goes with the case. */
export { type HandoffBrief, handoffBrief, renderBriefMarkdown, type TimelineEntry } from "./brief.js";
export { type EscalationSignal, type EscalationSignalKind, escalationSignals } from "./signals.js";
export type { ThreadInput, ThreadMessageInput } from "./thread.js";
