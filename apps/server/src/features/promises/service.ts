/**
 * @module The promise ledger: promises read from each outbound reply (due times in the customer's zone, business
 * days skipped), kept when a later reply reports them done or an agent marks them, withdrawn, or re-dated.
 */
import { extractPromises } from "@keel/coach";
import {
  type Agent,
  cancelPromise as cancelStored,
  type Database,
  fulfilPromise as fulfilStored,
  getCase,
  getCustomer,
  getPromise,
  insertPromises,
  listPromises,
  listPromisesForCase,
  type NewPromise,
  type PromiseRow,
  type PromiseStatus,
  setPromiseDue,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { MessageStored } from "../../reactions/index.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { deskSetting } from "../settings/desk-setting.js";
import { readSetting } from "../settings/service.js";
import { toPortalPromise } from "./dto.js";
import { matchFulfilments } from "./fulfilment-matcher.js";

type Deps = { db: Kysely<Database> };
const STALE_AFTER_MS = 7 * 86_400_000;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The zone a customer's promises are read in: theirs, else the desk's, else UTC. */
export async function customerTimeZone(db: Kysely<Database>, customerId: string): Promise<string> {
  const customer = await getCustomer(db, customerId);
  const own = customer.ok ? customer.value.timezone : null;
  if (own && isTimeZone(own)) return own;
  const desk = (await readSetting(db, deskSetting)).timezone;
  return isTimeZone(desk) ? desk : "UTC";
}

/**
 * Reaction to a stored outbound reply: first closes the open promises it reports kept, then records the promises it
 * makes (so a reply never keeps its own promise). Runs in the reply's transaction.
 */
export async function recordPromisesOfReply(event: MessageStored): Promise<void> {
  if (event.message.direction !== "outbound") return;
  await keepPromisesReportedDone(event);
  await recordNewPromises(event);
}

/** Closes the case's open promises (made in earlier replies) that this reply reports kept. */
async function keepPromisesReportedDone({
  trx,
  message,
  case: kase,
  now,
  actor,
}: MessageStored): Promise<void> {
  const open = (await listPromisesForCase(trx, kase.id)).filter(
    (p) => p.status === "open" && p.message_id !== message.id,
  );
  for (const match of matchFulfilments(message.body, open)) {
    const kept = await fulfilStored(trx, match.promiseId, now, {
      kind: "reply",
      messageId: message.id,
      agentId: message.author_agent_id,
    });
    if (kept.ok)
      await audit(trx, actor, {
        entity: "promise",
        entityId: kept.value.id,
        action: "fulfil",
        after: { status: "fulfilled", by: "reply", messageId: message.id, evidence: match.evidence.text },
      });
  }
}

/** Stores the promises the reply makes, due in the customer's zone; owed by its author, else the assignee. */
async function recordNewPromises({
  trx,
  deps,
  message,
  case: kase,
  now,
  actor,
}: MessageStored): Promise<void> {
  const timezone = await customerTimeZone(trx, kase.customer_id);
  // Imported history: a promise already more than a week overdue when recorded is kept in the ledger, but nobody
  // is alerted about it (an import of old tickets would otherwise page supervisors for years-old promises).
  const recordedAt = deps.clock.now();
  const stale = (due: Date | null) => due !== null && recordedAt.getTime() - due.getTime() > STALE_AFTER_MS;
  const rows: NewPromise[] = extractPromises(message.body, {
    referenceDate: now.toISOString(),
    timeZone: timezone,
  }).map((p) => {
    const dueAt = p.due === null ? null : new Date(p.due);
    return {
      caseId: kase.id,
      messageId: message.id,
      ownerAgentId: message.author_agent_id ?? kase.assignee_id,
      owedBy: p.owner,
      kind: p.kind,
      text: p.what,
      span: p.span,
      confidence: p.confidence,
      dueAt,
      dueText: p.dueText,
      timezone,
      createdAt: now,
      alertedAt: stale(dueAt) ? recordedAt : null,
    };
  });
  for (const stored of await insertPromises(trx, rows))
    await audit(trx, actor, { entity: "promise", entityId: stored.id, action: "create", after: stored });
}

/** A case's promises, in the order they were made; not_found for an unknown case. */
export async function listCasePromises(deps: Deps, caseId: string): Promise<Result<PromiseRow[]>> {
  const kase = fromDb(await getCase(deps.db, caseId));
  if (!kase.ok) return kase;
  return success(await listPromisesForCase(deps.db, caseId));
}

/** The open promises on a case as the customer sees them in the portal. */
export async function openPromisesForCustomer(deps: Deps, caseId: string) {
  return (await listPromisesForCase(deps.db, caseId)).filter((p) => p.status === "open").map(toPortalPromise);
}

const isSupervisor = (agent: Agent) => agent.role === "supervisor" || agent.role === "admin";

export interface PromiseQuery {
  status?: PromiseStatus | undefined;
  owner?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Agents list their own promises; supervisors anyone's, or all when no owner is named. */
export async function listPromisesFor(
  deps: Deps,
  caller: Agent,
  query: PromiseQuery,
  now: Date,
): Promise<Result<PromiseRow[]>> {
  const owner =
    query.owner === "me" || (query.owner === undefined && !isSupervisor(caller)) ? caller.id : query.owner;
  if (owner !== undefined && owner !== caller.id && !isSupervisor(caller))
    return failure("forbidden", "Agents see their own promises; use owner=me.", "owner");
  return success(
    await listPromises(deps.db, {
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(owner === undefined ? {} : { ownerAgentId: owner }),
      ...(query.overdue ? { overdueAt: now } : {}),
      limit: query.limit,
      offset: query.offset,
    }),
  );
}

/** The promise if the caller may change it: its owner, a supervisor, or anyone when nobody owns it. */
async function changeable(db: Kysely<Database>, id: string, caller: Agent): Promise<Result<PromiseRow>> {
  const found = fromDb(await getPromise(db, id));
  if (!found.ok) return found;
  const owner = found.value.owner_agent_id;
  if (owner !== null && owner !== caller.id && !isSupervisor(caller))
    return failure("forbidden", "Only the promise's owner or a supervisor can change it.");
  return found;
}

/** One manual change to a promise: allowed for its owner or a supervisor, audited with before and after. */
async function changePromise(
  deps: Deps,
  id: string,
  caller: Agent,
  actor: Actor,
  action: string,
  change: (trx: Kysely<Database>) => Promise<Result<PromiseRow>>,
): Promise<Result<PromiseRow>> {
  return transact(deps.db, async (trx) => {
    const before = await changeable(trx, id, caller);
    if (!before.ok) return before;
    const after = await change(trx);
    if (after.ok) {
      await audit(trx, actor, {
        entity: "promise",
        entityId: id,
        action,
        before: before.value,
        after: after.value,
      });
    }
    return after;
  });
}

export async function fulfilPromise(
  deps: Deps,
  id: string,
  caller: Agent,
  actor: Actor,
  now: Date,
): Promise<Result<PromiseRow>> {
  return changePromise(deps, id, caller, actor, "fulfil", async (trx) =>
    fromDb(await fulfilStored(trx, id, now, { kind: "agent", agentId: caller.id })),
  );
}

export async function cancelPromise(
  deps: Deps,
  id: string,
  reason: string,
  caller: Agent,
  actor: Actor,
  now: Date,
): Promise<Result<PromiseRow>> {
  return changePromise(deps, id, caller, actor, "cancel", async (trx) =>
    fromDb(await cancelStored(trx, id, now, reason)),
  );
}

/** A new due time; its reminder and overdue alert will fire again for it. */
export async function redatePromise(
  deps: Deps,
  id: string,
  due: { dueAt: Date | null; dueText: string | null },
  caller: Agent,
  actor: Actor,
): Promise<Result<PromiseRow>> {
  return changePromise(deps, id, caller, actor, "update", async (trx) =>
    fromDb(await setPromiseDue(trx, id, due), "dueAt"),
  );
}
