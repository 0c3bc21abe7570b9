/**
 * @module Prints a digest of the coach's outputs on the bench's real inputs, so a speed change can show it changed no
 * result: run before and after (`npx tsx benchmarks/src/coach-digest.ts [out.jsonl]`) and compare the digests; with
 * a file argument every output is also written, one JSON line per call, for a diff.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { analyzeCustomer, coachReply } from "../../packages/coach/src/index.js";
import { loadCorpus, mixedMessages } from "./data.js";
import { longDrafts } from "./drafts.js";

const corpus = loadCorpus();
const lines: string[] = [];
const digests: Record<string, ReturnType<typeof createHash>> = {
  analyzeCustomer: createHash("sha256"),
  coachReplyDrafts: createHash("sha256"),
  coachReplyPairs: createHash("sha256"),
};
function record(kind: string, output: unknown): void {
  const line = JSON.stringify(output);
  digests[kind]?.update(line);
  if (process.argv[2]) lines.push(`${kind}\t${line}`);
}
for (const text of mixedMessages(corpus, 10_000)) record("analyzeCustomer", analyzeCustomer(text));
for (const draft of longDrafts(corpus, 250)) {
  record("coachReplyDrafts", coachReply(draft.reply, draft.customer));
  record("coachReplyDrafts", coachReply(draft.reply));
}
for (const pair of corpus.pairs.slice(0, 3_000)) {
  const customer = analyzeCustomer(pair.customer);
  record("coachReplyPairs", coachReply(pair.reply, pair.customer));
  record("coachReplyPairs", customer.anger);
}
for (const [kind, hash] of Object.entries(digests))
  console.log(`${kind}\t${hash.digest("hex").slice(0, 16)}`);
if (process.argv[2]) writeFileSync(process.argv[2], `${lines.join("\n")}\n`);
