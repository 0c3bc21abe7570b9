/**
 * @module Property tests for the quick look after each inbound message: on random threads (random coach readings,
 * cues, boundary replies, case flags, own and automatic messages, whole re-reads), message after message, it
 * answers as the full evaluation does, for the default rules, each of them alone and random rule sets; and the
 * thread scan it keeps is a fold (scanned in parts as at once, with or without the evidence).
 */
import type { EscalationRule } from "@keel/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";
import { caseFacts, caseFactsOfScan } from "./facts.js";
import { judgeThread, type KeptThread } from "./inbound-check.js";
import { loadedThread } from "./load-thread.js";
import { prepareThread } from "./prepare.js";
import {
  type RandomRow,
  randomCase,
  randomRows,
  randomRules,
  randomSource,
} from "./random-threads.test-support.js";
import { evaluateRules, signalOptionsFor } from "./rules.js";
import {
  copyScan,
  emptyScan,
  escalationSignalsOf,
  scanMessages,
  scanThread,
  signalsOfScan,
} from "./signals.js";

const NOW = new Date("2026-11-20T12:00:00Z");
const NOTHING_KEPT: KeptThread = { scan: emptyScan(false), total: 0, newestAt: -1 };

/** The full evaluation's answer on the thread of these rows: no enabled rule that escalates fires. */
function fullAnswer(
  found: ReturnType<typeof randomCase>,
  rows: readonly RandomRow[],
  rules: readonly EscalationRule[],
) {
  const { thread } = loadedThread(
    found,
    rows.filter((m) => !m.aside),
    NOW,
  );
  const msgs = prepareThread(thread);
  const signals = escalationSignalsOf(msgs, thread, signalOptionsFor(rules));
  return !evaluateRules(rules, caseFacts(msgs, thread), signals).some(
    (o) => o.fires && o.rule.action.kind === "escalate",
  );
}

const RULE_SETS: Array<[string, (r: ReturnType<typeof randomSource>) => readonly EscalationRule[]]> = [
  ["the default rules", () => DEFAULT_ESCALATION_RULES],
  ...DEFAULT_ESCALATION_RULES.map((rule): [string, () => readonly EscalationRule[]] => [
    `the default rule ${rule.id} alone, escalating`,
    () => [{ ...rule, action: { ...rule.action, kind: "escalate" } }],
  ]),
  ["random rule sets", randomRules],
];

describe("the quick inbound check", () => {
  it.each(RULE_SETS)(
    "answers as the full evaluation does, message after message, with %s",
    (_name, rulesOf) => {
      let answers = 0;
      let quiet = 0;
      for (let seed = 1; seed <= 100; seed++) {
        const r = randomSource(seed);
        const found = randomCase(r);
        const rows = randomRows(r, 1 + r.int(seed % 10 === 0 ? 120 : 30));
        const rules = rulesOf(r);
        let kept = NOTHING_KEPT;
        /** The first row not kept: a message the check wrote itself is read again, committed, by the next one. */
        let next = 0;
        for (let k = 0; k < rows.length; k++) {
          // Now and then a message appears among the kept ones: the check reads the thread whole.
          const whole = r.chance(0.08);
          const own = r.chance(0.7);
          const added = rows
            .slice(whole ? 0 : next, k + 1)
            .map((m, i, all) => ({ ...m, own: own && i === all.length - 1 }));
          const check = judgeThread(found, rules, whole ? NOTHING_KEPT : kept, added, NOW);
          const expected = fullAnswer(found, rows.slice(0, k + 1), rules);
          expect(check.quiet, `seed ${seed}, message ${k}`).toBe(expected);
          answers++;
          if (expected) quiet++;
          kept = check.keep;
          next = own ? k : k + 1;
        }
      }
      // Both answers come up often enough for the comparison to mean something.
      expect(quiet).toBeGreaterThan(answers / 20);
      expect(answers - quiet).toBeGreaterThan(answers / 20);
    },
  );

  it("keeps a scan that is a fold: in parts or at once, explained or not, the same signals and facts", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = randomSource(seed);
      const found = randomCase(r);
      const rows = randomRows(r, 1 + r.int(60));
      const { thread } = loadedThread(
        found,
        rows.filter((m) => !m.aside),
        NOW,
      );
      const msgs = prepareThread(thread);
      const options = signalOptionsFor(randomRules(r));
      const whole = scanThread(msgs);
      const cut = r.int(msgs.length + 1);
      const first = scanThread(msgs.slice(0, cut));
      const parts = scanMessages(copyScan(first), msgs.slice(cut));
      // The copy left the first part's scan as it was.
      expect(first).toEqual(scanThread(msgs.slice(0, cut)));
      expect(parts).toEqual(whole);
      const signals = signalsOfScan(whole, thread, options);
      expect(signals).toEqual(escalationSignalsOf(msgs, thread, options));
      const bare = signalsOfScan(scanThread(msgs, false), thread, options);
      expect(bare.map((s) => [s.kind, s.severity])).toEqual(signals.map((s) => [s.kind, s.severity]));
      expect(caseFactsOfScan(scanThread(msgs, false), thread)).toEqual(caseFacts(msgs, thread));
    }
  });
});
