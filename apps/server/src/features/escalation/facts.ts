/** @module The facts escalation rules test that signals do not carry: exact anger level, threat kinds, counts, flags. */
import type { AngerLevel, ThreatKind } from "@keel/coach";
import { customerReadingOf, type PreparedMessage } from "./prepare.js";
import { unresolvedReplies } from "./signals.js";
import type { ThreadInput } from "./thread.js";

export interface CaseFacts {
  /** The customer's latest analysed message. */
  latest: { id: string; anger: number; level: AngerLevel } | null;
  threatKinds: ReadonlySet<ThreatKind>;
  /** Agent replies so far while the customer's latest word, after them, is still not calm; 0 otherwise. */
  unresolvedReplies: number;
  slaBreached: boolean;
  vip: boolean;
  csat: number | null;
}

export function caseFacts(msgs: readonly PreparedMessage[], thread: ThreadInput): CaseFacts {
  let latest: CaseFacts["latest"] = null;
  const threatKinds = new Set<ThreatKind>();
  for (const m of msgs) {
    const r = customerReadingOf(m);
    if (!r) continue;
    latest = { id: m.message.id, anger: r.anger, level: r.level };
    for (const t of r.threats) threatKinds.add(t.kind);
  }
  const csat = thread.case.csat;
  return {
    latest,
    threatKinds,
    unresolvedReplies: unresolvedReplies(msgs).count,
    slaBreached: thread.case.slaBreached === true,
    vip: thread.case.vip === true,
    csat: typeof csat === "number" && Number.isFinite(csat) ? csat : null,
  };
}
