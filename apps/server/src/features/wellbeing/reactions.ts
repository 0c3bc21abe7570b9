/**
 * @module Wellbeing's reactions. To a stored message: route a new case on its first customer message, and charge
 * the agent handling a hostile message (the assignee when it arrives, whoever replies to it), offering a cooldown
 * past the load threshold. To a case change: offer a cooldown after a hostile case is resolved or closed.
 */
import {
  type Case,
  type Database,
  hasOtherInbound,
  latestInboundUpTo,
  listMessages,
  type Message,
  updateCase as writeCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { CaseChanged, MessageStored } from "../../reactions/index.js";
import { audit, SYSTEM_ACTOR } from "../audit/service.js";
import { emitEvent } from "../cases/events.js";
import { notify } from "../notifications/service.js";
import { readSetting } from "../settings/service.js";
import { offerCooldown } from "./cooldown.js";
import { caseHostility, hostilityOf, loadPointsOf } from "./hostility.js";
import { chargeForMessage, loadOf, type WellbeingConfig, wellbeingConfig } from "./load.js";
import { planRoute } from "./routing.js";
import { routingSetting } from "./settings.js";

const DONE = new Set(["resolved", "closed"]);
export const BLOCKED_CONTACT_TAG = "blocked-contact";

export async function wellbeingOnMessage(event: MessageStored): Promise<void> {
  const { trx, message, now } = event;
  if (message.direction === "inbound") {
    await onInbound(event);
    return;
  }
  if (message.direction === "outbound" && message.author_agent_id !== null) {
    // Replying means reading: the agent is charged for the customer message they answer, if not already.
    const answered = await latestInboundUpTo(trx, event.case.id, message.created_at);
    if (!answered || loadPointsOf(hostilityOf(answered)).points <= 0) return;
    const config = await wellbeingConfig(trx);
    // Replying is when the agent meets the message, so an old message weighs on them from the reply's time.
    await charge(trx, message.author_agent_id, event.case.id, answered, now, now, config);
  }
}

async function onInbound(event: MessageStored): Promise<void> {
  const { trx, message, now } = event;
  let kase = event.case;
  if (kase.assignee_id === null && !DONE.has(kase.status)) {
    if (event.hadInbound === true || (await hasOtherInbound(trx, kase.id, message.id))) {
      // The acknowledgment's check, later in the list, is spared its own look.
      event.hadInbound = true;
      return;
    }
    if (!(await readSetting(trx, routingSetting)).autoAssign) return;
    kase = await autoAssign(event, kase, await wellbeingConfig(trx));
    event.case = kase;
  }
  // Calm messages weigh nothing: no statement is spent on them.
  if (kase.assignee_id === null || loadPointsOf(hostilityOf(message)).points <= 0) return;
  // An imported message reached the assignee when it was written; a live one, now.
  const arrived = new Date(Math.min(message.created_at.getTime(), now.getTime()));
  await charge(trx, kase.assignee_id, kase.id, message, arrived, now, await wellbeingConfig(trx));
}

/**
 * The only reaction to a blocked contact's message (the reactions list skips every other one): a case it opened
 * is tagged `blocked-contact`, so it is easy to find, and is left unassigned.
 */
export async function onBlockedContactMessage(event: MessageStored): Promise<void> {
  const { trx, case: kase, message } = event;
  if (message.direction !== "inbound" || kase.tags.includes(BLOCKED_CONTACT_TAG)) return;
  if (await hasOtherInbound(trx, kase.id, message.id)) return;
  const tagged = await writeCase(trx, kase.id, { tags: [...kase.tags, BLOCKED_CONTACT_TAG] });
  if (!tagged.ok) return;
  await audit(trx, SYSTEM_ACTOR, {
    entity: "case",
    entityId: kase.id,
    action: "tag_blocked_contact",
    before: kase,
    after: tagged.value,
  });
}

async function autoAssign(event: MessageStored, kase: Case, config: WellbeingConfig): Promise<Case> {
  const { trx, now } = event;
  const plan = await planRoute(trx, kase, now, config);
  if (!plan.chosen) return kase;
  const assigned = await writeCase(trx, kase.id, { assigneeId: plan.chosen.agent.id });
  if (!assigned.ok) return kase;
  await audit(trx, SYSTEM_ACTOR, {
    entity: "case",
    entityId: kase.id,
    action: "route",
    before: kase,
    after: { ...assigned.value, routing: plan.explanation },
  });
  await emitEvent(event.deps.jobs, "case.updated", { case: assigned.value, action: "route" }, trx);
  await notify(
    trx,
    {
      to: { agentId: plan.chosen.agent.id },
      kind: "case_assigned",
      caseId: kase.id,
      title: `Case #${kase.number} is yours: ${kase.subject}`,
      body: plan.explanation,
      dedupeKey: `case_assigned:${kase.id}:${plan.chosen.agent.id}`,
    },
    now,
  );
  return assigned.value;
}

async function charge(
  db: Kysely<Database>,
  agentId: string,
  caseId: string,
  message: Message,
  at: Date,
  now: Date,
  config: WellbeingConfig,
): Promise<void> {
  const event = await chargeForMessage(db, { agentId, caseId, message, at });
  if (!event) return;
  const load = await loadOf(db, agentId, now, config);
  if (load < config.threshold) return;
  // One offer per agent per half-life while the load stays high.
  const window = Math.floor(now.getTime() / config.halfLifeMs);
  await offerCooldown(
    db,
    agentId,
    {
      reason: `Your load is ${Math.round(load)} (threshold ${config.threshold}) after the messages you handled`,
      caseId,
      dedupeKey: `cooldown:load:${agentId}:${window}`,
    },
    config,
    now,
  );
}

export async function wellbeingOnCaseChange(event: CaseChanged): Promise<void> {
  const { trx, before, after, now } = event;
  if (!DONE.has(after.status) || DONE.has(before.status)) return;
  const thread = await listMessages(trx, after.id);
  const h = caseHostility(thread);
  if (h.maxLevel < 2 && !h.abusive) return;
  const agentId = after.assignee_id ?? topReplier(thread);
  if (!agentId) return;
  const config = await wellbeingConfig(trx);
  const what = h.abusive ? "an abusive customer" : `a customer at anger ${Math.round(h.maxAnger)}`;
  await offerCooldown(
    trx,
    agentId,
    {
      reason: `Case #${after.number} with ${what} is done`,
      caseId: after.id,
      dedupeKey: `cooldown:case:${after.id}:${agentId}`,
    },
    config,
    now,
  );
}

/** The agent who sent the most replies on the thread; of equals, the one who replied last. */
export function topReplier(thread: readonly Message[]): string | null {
  const counts = new Map<string, { n: number; last: number }>();
  thread.forEach((m, i) => {
    if (m.direction !== "outbound" || m.author_agent_id === null) return;
    const seen = counts.get(m.author_agent_id);
    counts.set(m.author_agent_id, { n: (seen?.n ?? 0) + 1, last: i });
  });
  let best: string | null = null;
  let top = { n: 0, last: -1 };
  for (const [agent, c] of counts) {
    if (c.n > top.n || (c.n === top.n && c.last > top.last)) {
      best = agent;
      top = c;
    }
  }
  return best;
}
