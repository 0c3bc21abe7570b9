/**
 * @module Deferred reactions. Live channels (the API, the web form, the portal, email) store a customer's message
 * with its case in one commit and answer; the message's reactions (escalation rules, routing, acknowledgment…)
 * were queued in that commit and run here right after, several messages per transaction. A crash between the two
 * loses nothing: the queue row is durable, and whichever server or worker drains next runs them. Each message's
 * reactions commit with the removal of its queue row, so they run once.
 */
import {
  type Case,
  claimDueReactions,
  clearDueReactions,
  type Database,
  type DueReaction,
  recordReactionFailure,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { CoreDeps } from "../features/cases/service.js";
import { type EscalationCheckAhead, escalationChecksAhead } from "../features/escalation/reaction.js";
import { compareCaseIds, inboundBatcherFor } from "../features/messages/inbound-batch.js";
import { reactToStoredMessage } from "./index.js";

/** The periodic check that runs reactions left waiting (by a server that crashed or was too busy). */
export const DUE_REACTIONS_QUEUE = "reactions.due";
export const DUE_REACTIONS_EVERY_MS = 30_000;

/**
 * Messages whose reactions run in one transaction: 64 rather than 32 took a burst's reactions ~30 % less time after
 * the last answer (ingest bench, three interleaved pairs), the per-transaction statements shared by twice as many.
 */
const BATCH = 64;
/** A message whose reactions failed this many times is taken off the queue (and reported), so it cannot stall it. */
const MAX_ATTEMPTS = 5;
/**
 * While customers' messages are being written, reactions wait for the writing to pause, at most this long after the
 * first of them was queued: a burst is acknowledged first, and no reaction waits longer than this for its turn.
 */
export const YIELD_AT_MOST_MS = 1_000;

/**
 * Runs one message's reactions; `cases` holds the cases earlier messages of the batch left behind (a reaction may
 * have changed one), which are newer than the row read when the batch was claimed; `checks` the escalation checks
 * read ahead for the batch.
 */
async function react(
  trx: Kysely<Database>,
  deps: CoreDeps,
  due: DueReaction,
  cases: Map<string, Case>,
  checks: ReadonlyMap<string, EscalationCheckAhead> = new Map(),
): Promise<void> {
  const kase = cases.get(due.message.case_id) ?? due.case;
  if (kase === null) return;
  const check = checks.get(due.message.id);
  const after = await reactToStoredMessage({
    trx,
    deps,
    case: kase,
    message: due.message,
    actor: { kind: "contact", id: due.message.author_contact_id },
    now: deps.clock.now(),
    authorBlocked: due.authorBlocked,
    ...(due.hadInbound === null ? {} : { hadInbound: due.hadInbound }),
    ...(check === undefined ? {} : { escalationCheck: check }),
  });
  cases.set(after.id, after);
}

/**
 * Runs the reactions of up to `limit` queued messages, oldest first; returns how many were taken. When a batch
 * fails it is rolled back and its messages are retried one per transaction, so one failing message delays only
 * itself.
 */
export async function runDueReactions(
  deps: CoreDeps,
  log: (line: string) => void,
  limit = BATCH,
): Promise<number> {
  let claimed: DueReaction[] = [];
  try {
    await deps.db.transaction().execute(async (trx) => {
      // In case order (each case's messages still in queue order): a reaction that adds a message (an
      // acknowledgment) locks its case's message count, and inbound batches lock those in case order too.
      claimed = inCaseOrder(await claimDueReactions(trx, limit));
      const cases = new Map<string, Case>();
      // One statement for the escalation checks of the batch, instead of one per message.
      const checks = await escalationChecksAhead(trx, claimed);
      for (const due of claimed) await react(trx, deps, due, cases, checks);
      await clearDueReactions(
        trx,
        claimed.map((due) => due.message.id),
      );
    });
    return claimed.length;
  } catch (error) {
    if (claimed.length <= 1) {
      for (const due of claimed) await recordFailure(deps, due, error, log);
      if (claimed.length === 0) throw error;
      return claimed.length;
    }
  }
  for (const due of claimed) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        const [again] = await claimDueReactions(trx, 1, due.message.id);
        if (again === undefined) return;
        await react(trx, deps, again, new Map());
        await clearDueReactions(trx, [again.message.id]);
      });
    } catch (error) {
      await recordFailure(deps, due, error, log);
    }
  }
  return claimed.length;
}

function inCaseOrder(claimed: DueReaction[]): DueReaction[] {
  // Array.prototype.sort is stable: messages of one case keep their order.
  return claimed.sort((a, b) => compareCaseIds(a.message.case_id, b.message.case_id));
}

async function recordFailure(
  deps: CoreDeps,
  due: DueReaction,
  error: unknown,
  log: (line: string) => void,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  const attempts = await recordReactionFailure(deps.db, due.message.id);
  if (attempts >= MAX_ATTEMPTS) {
    await clearDueReactions(deps.db, [due.message.id]);
    log(`reactions: message ${due.message.id} set aside after ${attempts} failures: ${reason}`);
  } else {
    log(`reactions: message ${due.message.id} failed (attempt ${attempts}), will retry: ${reason}`);
  }
}

/**
 * Drains the queue in the background of one process: `kick` after a commit that queued reactions; a second kick
 * while draining makes it look again when done. `settled` resolves once nothing is being drained.
 */
export class ReactionDrainer {
  readonly #deps: CoreDeps;
  readonly #log: (line: string) => void;
  readonly #yieldAtMostMs: number;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  /** When the oldest reaction not yet run was queued (as far as this process knows); null when none waits. */
  #behindSince: number | null = null;

  constructor(deps: CoreDeps, log: (line: string) => void, yieldAtMostMs = YIELD_AT_MOST_MS) {
    this.#deps = deps;
    this.#log = log;
    this.#yieldAtMostMs = yieldAtMostMs;
  }

  kick(): void {
    if (this.#stopped) return;
    this.#behindSince ??= performance.now();
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  async settled(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  /** Finishes the batch under way and drains no more: what is still queued waits for the next server or worker. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.settled();
  }

  async #drain(): Promise<void> {
    try {
      await drainDueReactions(
        this.#deps,
        this.#log,
        () => this.#stopped,
        () => this.#yieldToInbound(),
      );
      // Kicks that came while the queue was drained are for messages it has run already, or a new drain runs them.
      this.#behindSince = this.#again ? performance.now() : null;
    } catch (error) {
      // The periodic check drains what is left once the database answers again.
      this.#log(`reactions: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * While this server writes customers' messages, a wait for the writing to pause, unless reactions have waited
   * their share already; undefined when there is nothing to wait for.
   */
  #yieldToInbound(): Promise<void> | undefined {
    const batcher = inboundBatcherFor(this.#deps.db);
    const left = (this.#behindSince ?? performance.now()) + this.#yieldAtMostMs - performance.now();
    if (!batcher.busy || left <= 0) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const pause = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, left);
    });
    return Promise.race([batcher.settled(), pause]).finally(() => clearTimeout(timer));
  }
}

const drainers = new WeakMap<CoreDeps, ReactionDrainer>();

/** The drainer of a server's dependencies (its database, clock and jobs): one per server in a process. */
export function reactionDrainerFor(
  deps: CoreDeps,
  log: (line: string) => void = (line) => console.error(line),
): ReactionDrainer {
  let drainer = drainers.get(deps);
  if (drainer === undefined) {
    drainer = new ReactionDrainer(deps, log);
    drainers.set(deps, drainer);
  }
  return drainer;
}

/** Resolves once this server has stored every message it accepted and run their reactions (tests). */
export async function reactionsSettled(deps: CoreDeps): Promise<void> {
  await inboundBatcherFor(deps.db).settled();
  await drainers.get(deps)?.settled();
}

/**
 * For shutdown: stores every message already accepted, finishes the reactions batch under way and starts no other;
 * reactions still queued are durable and run on the next start or by another server.
 */
export async function stopReactions(deps: CoreDeps): Promise<void> {
  await inboundBatcherFor(deps.db).settled();
  await drainers.get(deps)?.stop();
}

/**
 * Drains the queue batch after batch until it is empty (or `stopped` says so), letting other work run in between
 * (and awaiting what `before` returns ahead of each batch); returns how many messages were taken. The periodic check
 * runs it for what a crashed or busy server left.
 */
export async function drainDueReactions(
  deps: CoreDeps,
  log: (line: string) => void,
  stopped: () => boolean = () => false,
  before: () => Promise<void> | undefined = () => undefined,
): Promise<number> {
  let total = 0;
  while (!stopped()) {
    const waiting = before();
    if (waiting !== undefined) {
      await waiting;
      if (stopped()) break;
    }
    const taken = await runDueReactions(deps, log);
    total += taken;
    if (taken < BATCH) break;
    // Let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}
