/**
 * @module Group commit for inbound messages. Messages that arrive while earlier ones are being written share the
 * next transaction, so a burst costs one commit (one WAL flush) per batch instead of one per message, and each
 * message is still answered only after its own commit. A batch whose message fails (an unknown case, a
 * deadlock…) is rolled back whole and its messages are then written one per transaction, so one bad message never
 * changes another's outcome.
 */
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";
import { reactionDrainerFor } from "../../reactions/deferred.js";
import { type Result, transact } from "../../service-result.js";
import type { CoreDeps } from "../cases/service.js";
import { type BatchItem, storeInboundTogether } from "./inbound-together.js";
import {
  checkInboundMessage,
  type InboundMessageInput,
  type InboundMessageResult,
  type InTransaction,
  type StoreInboundOptions,
  storeInboundMessage,
} from "./service.js";

export interface InboundBatchOptions {
  /** Most messages in one transaction: bounds how long a batch holds its locks and a message waits. */
  maxBatch?: number;
  /** Batches written at once, each on its own connection, so one batch's round trips overlap another's. */
  maxInFlight?: number;
}

interface Pending extends BatchItem {
  resolve: (result: Result<InboundMessageResult>) => void;
  reject: (error: unknown) => void;
}

export class InboundBatcher {
  readonly #db: Kysely<Database>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #queue: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;
  #idle: Array<() => void> = [];

  constructor(db: Kysely<Database>, options: InboundBatchOptions = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? 64;
    this.#maxInFlight = options.maxInFlight ?? 3;
  }

  /** Stores a customer's message as `addInboundMessage` does; resolves once its transaction committed. */
  submit(
    deps: CoreDeps,
    input: InboundMessageInput,
    options: { inTransaction?: InTransaction<InboundMessageResult> } = {},
  ): Promise<Result<InboundMessageResult>> {
    const sender = checkInboundMessage(input);
    if (!sender.ok) return Promise.resolve(sender);
    // Reactions are queued with the message and run after the commit (reactions/deferred.ts).
    const store: StoreInboundOptions = { ...options, deferReactions: true };
    return new Promise((resolve, reject) => {
      this.#queue.push({ deps, input, sender: sender.value, options: store, resolve, reject });
      this.#schedule();
    });
  }

  /** Whether messages are waiting or being written. */
  get busy(): boolean {
    return this.#queue.length > 0 || this.#inFlight > 0;
  }

  /** Resolves when every submitted message has been written (for shutdown). */
  settled(): Promise<void> {
    if (this.#queue.length === 0 && this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Waits for the rest of this turn of the event loop, so requests read together share a batch. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight++;
      void this.#write(batch).finally(() => {
        this.#inFlight--;
        if (this.#queue.length > 0) this.#pump();
        else if (this.#inFlight === 0) for (const done of this.#idle.splice(0)) done();
      });
    }
  }

  async #write(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      // The same order in every batch (by case), so two batches lock shared cases in one order, never crosswise.
      const ordered = [...batch].sort((a, b) => compareCaseIds(lockKey(a), lockKey(b)));
      try {
        const results = await this.#db.transaction().execute((trx) => storeInboundTogether(trx, ordered));
        for (const item of batch) item.resolve(results.get(item) as Result<InboundMessageResult>);
        const first = batch[0];
        if (first !== undefined) reactionDrainerFor(first.deps).kick();
        return;
      } catch {
        // Rolled back: nothing of the batch is stored. Each message gets its own transaction below.
      }
    }
    for (const item of batch) {
      try {
        const result = await transact(this.#db, (trx) =>
          storeInboundMessage(trx, item.deps, item.input, item.sender, item.options),
        );
        item.resolve(result);
        if (result.ok && result.value.created) reactionDrainerFor(item.deps).kick();
      } catch (error) {
        item.reject(error);
      }
    }
  }
}

function lockKey(item: Pending): string {
  return item.input.caseId ?? `~${item.input.externalMessageId ?? ""}`;
}

/**
 * Case order, the one every writer locks cases in: code-unit order of the ids, which for lowercase UUIDs is
 * PostgreSQL's order of the uuid values (the message counts' triggers lock in that order).
 */
export function compareCaseIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const batchers = new WeakMap<Kysely<Database>, InboundBatcher>();

/** The batcher of a database handle: every channel of one server shares it, so their messages share commits. */
export function inboundBatcherFor(db: Kysely<Database>): InboundBatcher {
  let batcher = batchers.get(db);
  if (batcher === undefined) {
    batcher = new InboundBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
