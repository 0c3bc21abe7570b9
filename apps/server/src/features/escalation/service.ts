/**
 * @module Escalation service: what the routes and other features call — the agent's advice, the fresh brief, the
 * queue with take and resolve, the rules, VIP flags, and the three ways a case is escalated.
 */
import { activeEscalationForCase, type Customer, setCustomerVip } from "@keel/db";
import { fromDb, type Result, success } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import type { CoreDeps } from "../cases/service.js";
import { type HandoffBrief, renderBriefMarkdown } from "./brief.js";
import { toEscalationDto } from "./dto.js";
import { briefFor, evaluateCase } from "./evaluate.js";

export { escalateByAgent, escalateByRules, escalateForSla, type Opened } from "./open.js";
export { caseLabels, listQueue, resolveEscalation, takeEscalation } from "./queue.js";
export { currentRules, ruleVersions, saveRules } from "./rule-store.js";

/** Why escalation is (or is not) advised on this case, for the agent working it. */
export async function adviceFor(deps: Pick<CoreDeps, "db" | "clock">, caseId: string) {
  const ev = await evaluateCase(deps.db, caseId, deps.clock.now());
  if (!ev.ok) return ev;
  const { kase } = ev.value.loaded;
  const active = await activeEscalationForCase(deps.db, caseId);
  return success({
    caseId,
    escalated: active !== undefined,
    escalation: active ? toEscalationDto(active, { number: kase.number, subject: kase.subject }) : null,
    advised: ev.value.outcomes.some((o) => o.fires),
    signals: ev.value.signals,
    rules: ev.value.outcomes.map((o) => ({
      id: o.rule.id,
      name: o.rule.name,
      kind: o.rule.action.kind,
      fires: o.fires,
      reasons: o.reasons,
    })),
    ruleSetVersion: ev.value.ruleSet.version,
  });
}

/** The handoff brief as the case stands now. */
export async function freshBrief(
  deps: Pick<CoreDeps, "db" | "clock">,
  caseId: string,
): Promise<Result<{ brief: HandoffBrief; markdown: string }>> {
  const now = deps.clock.now();
  const ev = await evaluateCase(deps.db, caseId, now);
  if (!ev.ok) return ev;
  const brief = await briefFor(deps.db, ev.value, now);
  return success({ brief, markdown: renderBriefMarkdown(brief) });
}

export async function markVip(
  deps: Pick<CoreDeps, "db">,
  customerId: string,
  vip: boolean,
  actor: Actor,
): Promise<Result<Customer>> {
  const updated = fromDb(await setCustomerVip(deps.db, customerId, vip));
  if (updated.ok) {
    await audit(deps.db, actor, { entity: "customer", entityId: customerId, action: "vip", after: { vip } });
  }
  return updated;
}
