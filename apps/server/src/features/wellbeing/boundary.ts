/**
 * @module Abuse policy: the boundary script an agent should send next on a case with an abusive customer —
 * a calm warning first; once the policy's warnings were sent and the abuse continued, the closing script that
 * ends the conversation and offers another channel. A warning is any reply the coach labelled `sets_boundary`.
 */

import { coachReply } from "@keel/coach";
import type { BoundaryScript } from "@keel/contracts";
import { type Database, getCase, getCustomer, type JsonValue, listMessages, type Message } from "@keel/db";
import type { Kysely } from "kysely";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { readSetting } from "../settings/service.js";
import { hostilityOf } from "./hostility.js";
import { abusePolicySetting } from "./settings.js";

type Policy = typeof abusePolicySetting.defaultValue;

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

/** Whether the coach read this outbound reply as setting a boundary. */
export function setBoundary(message: Message): boolean {
  if (message.direction !== "outbound" || !isObject(message.analysis ?? undefined)) return false;
  const analysis = message.analysis as JsonObject;
  if (analysis.kind !== "reply" || !isObject(analysis.result)) return false;
  const labels = analysis.result.labels;
  if (!isObject(labels)) return false;
  const label = labels.sets_boundary;
  return isObject(label) && label.value === true;
}

export interface BoundaryDecision {
  stage: BoundaryScript["stage"];
  why: string;
  abusive: Message[];
  warningsSent: number;
}

/** The pure decision over a thread (oldest first). */
export function boundaryStage(thread: readonly Message[], policy: Pick<Policy, "warningsBeforeEnding">) {
  const abusive = thread.filter((m) => hostilityOf(m)?.abusive === true);
  const first = abusive[0];
  if (!first)
    return {
      stage: "none",
      why: "no customer message on this case is abusive",
      abusive,
      warningsSent: 0,
    } as const;
  const start = thread.indexOf(first);
  const warnings = thread.slice(start).filter(setBoundary);
  const lastWarning = warnings.at(-1);
  const abuseSinceWarning = lastWarning
    ? abusive.filter((m) => thread.indexOf(m) > thread.indexOf(lastWarning))
    : abusive;
  const need = policy.warningsBeforeEnding;
  const base = { abusive, warningsSent: warnings.length };
  if (lastWarning && abuseSinceWarning.length === 0) {
    return {
      ...base,
      stage: "none",
      why: `a boundary was set (${warnings.length} of ${need} warnings) and the customer has not been abusive since`,
    } as const;
  }
  if (warnings.length >= need) {
    return {
      ...base,
      stage: "closing",
      why: `the abuse continued after ${warnings.length} warning${warnings.length === 1 ? "" : "s"}; the policy ends the conversation after ${need}`,
    } as const;
  }
  return {
    ...base,
    stage: "warning",
    why:
      warnings.length === 0
        ? "the customer was abusive and no boundary has been set yet"
        : `the abuse continued after warning ${warnings.length}; the policy gives ${need} before ending`,
  } as const;
}

export const fillScript = (text: string, values: { name: string; channel: string }): string =>
  text.replaceAll("{name}", values.name).replaceAll("{channel}", values.channel);

export async function boundaryScript(db: Kysely<Database>, caseId: string): Promise<Result<BoundaryScript>> {
  const kase = fromDb(await getCase(db, caseId));
  if (!kase.ok) return kase;
  const customer = fromDb(await getCustomer(db, kase.value.customer_id));
  if (!customer.ok) return failure("not_found", `the customer of case ${caseId} is gone`);
  const policy = await readSetting(db, abusePolicySetting);
  const thread = await listMessages(db, caseId);
  const decision = boundaryStage(thread, policy);
  const firstName = customer.value.name.trim().split(/\s+/)[0] || "there";
  const text =
    decision.stage === "none"
      ? null
      : fillScript(decision.stage === "warning" ? policy.warningText : policy.closingText, {
          name: firstName,
          channel: policy.otherChannel,
        });
  const lastAbuse = decision.abusive.at(-1);
  return success({
    caseId,
    stage: decision.stage,
    script: text,
    why: decision.why,
    abusiveMessageIds: decision.abusive.map((m) => m.id),
    warningsSent: decision.warningsSent,
    warningsBeforeEnding: policy.warningsBeforeEnding,
    setsBoundary:
      text === null || !lastAbuse ? null : coachReply(text, lastAbuse.body).labels.sets_boundary.value,
  });
}
