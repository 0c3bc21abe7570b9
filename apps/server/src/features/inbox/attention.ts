/**
 * @module The attention score that orders the inbox: each reason a case needs someone now adds points, so the
 * order can be explained ("first reply overdue by 2 h · furious customer · legal threat"). Pure: time is passed in.
 */
import type { InboxRow } from "@keel/db";

export type AttentionKind =
  | "sla_breached"
  | "sla_due_soon"
  | "anger"
  | "threat"
  | "abuse"
  | "overdue_promise"
  | "awaiting_reply"
  | "priority";

export interface AttentionReason {
  kind: AttentionKind;
  text: string;
  points: number;
}

export interface SlaState {
  kind: "first_response" | "resolution" | null;
  dueAt: Date | null;
  breached: boolean;
  paused: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Threats that cost money or bring in outsiders weigh more than "I'll leave". */
const SERIOUS_THREATS = new Set(["legal", "regulator", "chargeback"]);
const THREAT_WORDS: Record<string, string> = {
  legal: "legal threat",
  regulator: "regulator threat",
  chargeback: "chargeback threat",
  social_media: "public-post threat",
  churn: "threat to leave",
};

export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Which SLA target runs now: the first reply until it is given, then resolution; none once resolved or closed. */
export function slaState(row: Pick<InboxRow, "kase">, now: Date): SlaState {
  const kase = row.kase;
  const paused = kase.sla_paused_at !== null;
  if (kase.status === "resolved" || kase.status === "closed") {
    return { kind: null, dueAt: null, breached: false, paused };
  }
  const kind = kase.first_responded_at === null ? "first_response" : "resolution";
  const dueAt = kind === "first_response" ? kase.first_response_due_at : kase.resolution_due_at;
  return { kind: dueAt ? kind : null, dueAt, breached: !paused && dueAt !== null && dueAt < now, paused };
}

export function attentionOf(row: InboxRow, now: Date): { score: number; reasons: AttentionReason[] } {
  const reasons: AttentionReason[] = [];
  const add = (kind: AttentionKind, points: number, text: string) => reasons.push({ kind, points, text });

  const sla = slaState(row, now);
  if (sla.dueAt && !sla.paused && sla.kind) {
    const what = sla.kind === "first_response" ? "first reply" : "resolution";
    const left = sla.dueAt.getTime() - now.getTime();
    if (left < 0)
      add(
        "sla_breached",
        100 + Math.min(50, (-left / HOUR) * 5),
        `${what} overdue by ${formatDuration(left)}`,
      );
    else if (left <= HOUR) add("sla_due_soon", 60, `${what} due in ${formatDuration(left)}`);
    else if (left <= 4 * HOUR) add("sla_due_soon", 30, `${what} due in ${formatDuration(left)}`);
  }
  if (row.latestAnger !== null && row.latestAnger >= 20) {
    const rising = row.latestAngerTrend === "rising";
    add(
      "anger",
      row.latestAnger * 0.6 + (rising ? 10 : 0),
      `${row.latestAngerLabel ?? "angry"} customer (${Math.round(row.latestAnger)}/100${rising ? ", rising" : ""})`,
    );
  }
  for (const kind of row.threats) {
    add("threat", SERIOUS_THREATS.has(kind) ? 25 : 15, THREAT_WORDS[kind] ?? `${kind} threat`);
  }
  if (row.abusive) add("abuse", 15, "abuse aimed at the team");
  if (row.overduePromises > 0) {
    const n = row.overduePromises;
    add("overdue_promise", 40 + 10 * (n - 1), `${n} overdue promise${n === 1 ? "" : "s"}`);
  }
  const open = row.kase.status !== "resolved" && row.kase.status !== "closed";
  if (open && row.lastDirection === "inbound" && row.lastAt) {
    const waited = now.getTime() - row.lastAt.getTime();
    add(
      "awaiting_reply",
      10 + Math.min(20, Math.max(0, waited / HOUR)),
      `customer waiting ${formatDuration(waited)}`,
    );
  }
  if (row.kase.priority === "urgent") add("priority", 20, "urgent priority");
  else if (row.kase.priority === "high") add("priority", 10, "high priority");

  reasons.sort((a, b) => b.points - a.points);
  const score = Math.round(reasons.reduce((sum, r) => sum + r.points, 0) * 10) / 10;
  return { score, reasons: reasons.map((r) => ({ ...r, points: Math.round(r.points * 10) / 10 })) };
}
