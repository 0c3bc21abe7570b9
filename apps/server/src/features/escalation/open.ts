/**
 * @module Opening escalations, one path for every trigger: rules after an inbound message, an agent asking for
 * help, a missed SLA target. Each puts the case in the supervisor queue once (with the brief as it is now), tags
 * and raises it, audits, notifies supervisors and announces `case.escalated` — all in the caller's transaction.
 */
import {
  activeEscalationForCase,
  type Case,
  type Database,
  type EscalationRow,
  type EscalationSource,
  insertEscalation,
  listEscalationsForCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import { failure, fromDb, type Result, success, toJson, transact } from "../../service-result.js";
import { type Actor, audit, SYSTEM_ACTOR } from "../audit/service.js";
import { jobConnectionOf } from "../cases/events.js";
import type { CoreDeps } from "../cases/service.js";
import { notify } from "../notifications/service.js";
import { WEBHOOK_DISPATCH_QUEUE } from "../webhooks/dispatch.js";
import { changeCaseInTransaction, ESCALATED_TAG } from "./case-change.js";
import { briefFor, type Evaluation, evaluateCase } from "./evaluate.js";
import { type RuleOutcome, uniqueSignals } from "./rules.js";
import type { EscalationSignal } from "./signals.js";

export interface Opened {
  escalation: EscalationRow;
  case: Case;
  /** False when the case was already in the queue: that escalation is returned and nothing changed. */
  created: boolean;
}

interface OpenRequest {
  source: EscalationSource;
  ruleName: string | null;
  reasons: EscalationSignal[];
  priority: "high" | "urgent";
  teamId?: string | null | undefined;
  requestedBy: string | null;
  note: string | null;
}

/** An agent asking for help is at least "escalate soon", whatever the signals say. */
function severityOf(request: OpenRequest): 1 | 2 | 3 {
  const top = Math.max(1, request.source === "agent" ? 2 : 1, ...request.reasons.map((r) => r.severity));
  return top >= 3 ? 3 : top === 2 ? 2 : 1;
}

function titleOf(kase: Case, request: OpenRequest): string {
  const why =
    request.source === "agent"
      ? "an agent asked for help"
      : (request.ruleName ?? "a service target was missed");
  return `Case #${kase.number} escalated: ${why}`;
}

async function openEscalation(
  trx: Kysely<Database>,
  deps: CoreDeps,
  ev: Evaluation,
  request: OpenRequest,
  actor: Actor,
  now: Date,
): Promise<Result<Opened>> {
  const brief = await briefFor(trx, ev, now);
  const caseId = ev.loaded.kase.id;
  const severity = severityOf(request);
  const inserted = fromDb(
    await insertEscalation(trx, {
      caseId,
      source: request.source,
      ruleName: request.ruleName,
      severity,
      reasons: toJson(request.reasons),
      brief: toJson(brief),
      requestedByAgentId: request.requestedBy,
      note: request.note,
      seenUntil: newest(ev.loaded.messageTimes),
      createdAt: now,
    }),
  );
  if (!inserted.ok) return inserted;
  const { escalation, created } = inserted.value;
  if (!created) return success({ escalation, case: ev.loaded.kase, created: false });

  const kase = await changeCaseInTransaction(
    trx,
    deps,
    caseId,
    {
      addTag: ESCALATED_TAG,
      atLeastPriority: request.priority,
      ...(request.teamId === undefined ? {} : { teamId: request.teamId }),
    },
    actor,
    "escalate",
    now,
  );
  if (!kase.ok) return kase;
  await audit(trx, actor, {
    entity: "escalation",
    entityId: escalation.id,
    action: "create",
    after: {
      case_id: caseId,
      source: request.source,
      rule_name: request.ruleName,
      severity,
      note: request.note,
    },
  });
  await notify(
    trx,
    {
      to: { role: "supervisor" },
      kind: "escalation",
      caseId,
      title: titleOf(kase.value, request),
      body: brief.recommendedNextStep,
      data: toJson({ escalationId: escalation.id, severity, source: request.source }),
      dedupeKey: `escalation:${escalation.id}`,
    },
    now,
  );
  // The agent on the case learns it went to a supervisor (unless they asked for it themself).
  const assignee = kase.value.assignee_id;
  if (assignee !== null && assignee !== request.requestedBy) {
    await notify(
      trx,
      {
        to: { agentId: assignee },
        kind: "case_escalated",
        caseId,
        title: `Case #${kase.value.number} went to a supervisor: ${request.ruleName ?? "escalated"}`,
        body: "A supervisor will pick it up with the handoff brief; keep the customer informed meanwhile.",
        dedupeKey: `case_escalated:${escalation.id}`,
      },
      now,
    );
  }
  await deps.jobs.send(
    WEBHOOK_DISPATCH_QUEUE,
    {
      event: "case.escalated",
      payload: toJson({
        case_id: caseId,
        number: kase.value.number,
        escalation_id: escalation.id,
        source: request.source,
        rule: request.ruleName,
        severity,
        reasons: request.reasons,
      }),
    },
    { connection: jobConnectionOf(trx) },
  );
  return success({ escalation, case: kase.value, created: true });
}

/** The newest of the message times, or null. */
function newest(times: ReadonlyMap<string, Date>): Date | null {
  let out: Date | null = null;
  for (const at of times.values()) if (out === null || at > out) out = at;
  return out;
}

/**
 * Firing rules with something new to say since the case's last escalation: a cited message newer than the ones
 * the supervisor had seen, or — for a rule citing no message (a flag such as VIP or a missed target) — a rule that
 * never escalated this case. Without this, a threat made last week would re-escalate the case on every message
 * after a supervisor closed the matter.
 */
async function freshFiring(db: Kysely<Database>, ev: Evaluation): Promise<RuleOutcome[]> {
  const firing = ev.outcomes.filter((o) => o.fires && o.rule.action.kind === "escalate");
  if (firing.length === 0) return [];
  const history = await listEscalationsForCase(db, ev.loaded.kase.id);
  const last = history[0];
  if (!last) return firing;
  const seen = last.seen_until;
  return firing.filter((o) => {
    const cited = o.reasons.flatMap((r) => r.messageIds);
    if (cited.length > 0) {
      return cited.some((id) => {
        const at = ev.loaded.messageTimes.get(id);
        return at !== undefined && (seen === null || at > seen);
      });
    }
    return !history.some((h) => h.rule_name?.split("; ").includes(o.rule.name));
  });
}

/** Most severe reasons first; among equals, an urgent action, then the admin's order. */
function byUrgency(a: RuleOutcome, b: RuleOutcome): number {
  const top = (o: RuleOutcome) => Math.max(0, ...o.reasons.map((r) => r.severity));
  const urgent = (o: RuleOutcome) => (o.rule.action.priority === "urgent" ? 1 : 0);
  return top(b) - top(a) || urgent(b) - urgent(a);
}

/**
 * Evaluates the rules in force on the case and opens an escalation when one fires and the case is not already in
 * the queue (or closed); null when nothing was opened.
 */
export async function escalateByRules(
  trx: Kysely<Database>,
  deps: CoreDeps,
  caseId: string,
  now: Date,
  options: { source: "rule" | "sla"; slaBreached?: boolean; actor?: Actor } = { source: "rule" },
): Promise<Result<Opened | null>> {
  if (await activeEscalationForCase(trx, caseId)) return success(null);
  const ev = await evaluateCase(
    trx,
    caseId,
    now,
    options.slaBreached === undefined ? {} : { slaBreached: options.slaBreached },
  );
  if (!ev.ok) return ev;
  if (ev.value.loaded.kase.status === "closed") return success(null);
  const firing = (await freshFiring(trx, ev.value)).sort(byUrgency);
  if (firing.length === 0) return success(null);
  return openEscalation(
    trx,
    deps,
    ev.value,
    {
      source: options.source,
      ruleName: firing.map((o) => o.rule.name).join("; "),
      reasons: uniqueSignals(firing.flatMap((o) => o.reasons)),
      priority: firing.some((o) => o.rule.action.priority === "urgent") ? "urgent" : "high",
      teamId: firing.find((o) => o.rule.action.teamId)?.rule.action.teamId,
      requestedBy: null,
      note: null,
    },
    options.actor ?? SYSTEM_ACTOR,
    now,
  );
}

/** An agent hands the case up with one action: the escalation carries every current signal and their note. */
export async function escalateByAgent(
  deps: CoreDeps,
  caseId: string,
  input: { note?: string | undefined; teamId?: string | null | undefined },
  agentId: string,
  actor: Actor,
): Promise<Result<Opened>> {
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const ev = await evaluateCase(trx, caseId, now);
    if (!ev.ok) return ev;
    if (ev.value.loaded.kase.status === "closed") {
      return failure(
        "conflict",
        `case #${ev.value.loaded.kase.number} is closed; reopen it before escalating`,
      );
    }
    const urgent = ev.value.outcomes.some((o) => o.fires && o.rule.action.priority === "urgent");
    const note = input.note?.trim();
    return openEscalation(
      trx,
      deps,
      ev.value,
      {
        source: "agent",
        ruleName: null,
        reasons: ev.value.signals,
        priority: urgent ? "urgent" : "high",
        teamId: input.teamId,
        requestedBy: agentId,
        note: note ? note : null,
      },
      actor,
      now,
    );
  });
}

/**
 * The SLA job's escalation: the rules are evaluated with the target counted as missed; a missed resolution
 * target escalates even when no rule fires (the desk's standing rule since before rules were editable).
 */
export async function escalateForSla(
  deps: CoreDeps,
  caseId: string,
  breach: "first_response" | "resolution",
): Promise<Result<{ case: Case; escalation: EscalationRow | null }>> {
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const byRules = await escalateByRules(trx, deps, caseId, now, { source: "sla", slaBreached: true });
    if (!byRules.ok) return byRules;
    if (byRules.value) return success({ case: byRules.value.case, escalation: byRules.value.escalation });
    const ev = await evaluateCase(trx, caseId, now, { slaBreached: true });
    if (!ev.ok) return ev;
    const kase = ev.value.loaded.kase;
    if (breach === "first_response" || kase.status === "closed")
      return success({ case: kase, escalation: null });
    const opened = await openEscalation(
      trx,
      deps,
      ev.value,
      {
        source: "sla",
        ruleName: "Resolution target missed",
        reasons: ev.value.signals,
        priority: "high",
        requestedBy: null,
        note: null,
      },
      SYSTEM_ACTOR,
      now,
    );
    if (!opened.ok) return opened;
    return success({
      case: opened.value.case,
      escalation: opened.value.created ? opened.value.escalation : null,
    });
  });
}
