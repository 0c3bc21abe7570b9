/** @module The facts escalation rules test that signals do not carry: exact anger level, threat kinds, counts, flags. */
import type { AngerLevel, ThreatKind } from "@keel/coach";
import type { PreparedMessage } from "./prepare.js";
import { scanThread, type ThreadScan, unresolvedReplyCount } from "./signals.js";
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
  return caseFactsOfScan(scanThread(msgs, false), thread);
}

/** The facts from a scan of the thread (the one the signals were read from). */
export function caseFactsOfScan(scan: ThreadScan, thread: ThreadInput): CaseFacts {
  const last = scan.recent.at(-1);
  const csat = thread.case.csat;
  return {
    latest: last ? { id: last.id, anger: last.r.anger, level: last.r.level } : null,
    threatKinds: new Set(scan.threatKinds),
    unresolvedReplies: unresolvedReplyCount(scan),
    slaBreached: thread.case.slaBreached === true,
    vip: thread.case.vip === true,
    csat: typeof csat === "number" && Number.isFinite(csat) ? csat : null,
  };
}
