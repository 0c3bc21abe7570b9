/** @module A case read once and judged: its signals, the facts the rules test, every enabled rule's outcome, the brief. */
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";
import { type Result, success } from "../../service-result.js";
import { type HandoffBrief, handoffBriefOf } from "./brief.js";
import { caseFacts } from "./facts.js";
import { type LoadedThread, loadLedger, loadThread } from "./load-thread.js";
import { type PreparedMessage, prepareThread } from "./prepare.js";
import { currentRules, type RuleSetView } from "./rule-store.js";
import { evaluateRules, type RuleOutcome, signalOptionsFor } from "./rules.js";
import { type EscalationSignal, escalationSignalsOf, type SignalOptions } from "./signals.js";

export interface Evaluation {
  loaded: LoadedThread;
  ruleSet: RuleSetView;
  msgs: PreparedMessage[];
  signalOptions: SignalOptions;
  signals: EscalationSignal[];
  /** Every enabled rule, firing or not. */
  outcomes: RuleOutcome[];
}

export async function evaluateCase(
  db: Kysely<Database>,
  caseId: string,
  now: Date,
  overrides: { slaBreached?: boolean } = {},
): Promise<Result<Evaluation>> {
  const loaded = await loadThread(db, caseId, now, overrides);
  if (!loaded.ok) return loaded;
  const ruleSet = await currentRules(db);
  const signalOptions = signalOptionsFor(ruleSet.rules);
  const { thread } = loaded.value;
  const msgs = prepareThread(thread);
  const signals = escalationSignalsOf(msgs, thread, signalOptions);
  const outcomes = evaluateRules(ruleSet.rules, caseFacts(msgs, thread), signals);
  return success({ loaded: loaded.value, ruleSet, msgs, signalOptions, signals, outcomes });
}

/** The brief at `now`, with the ledger's promises when the case has any. */
export async function briefFor(db: Kysely<Database>, ev: Evaluation, now: Date): Promise<HandoffBrief> {
  const promises = await loadLedger(db, ev.loaded.kase.id);
  return handoffBriefOf(ev.msgs, ev.loaded.thread, {
    now: now.toISOString(),
    signals: ev.signalOptions,
    ...(promises === undefined ? {} : { promises }),
  });
}
