/** @module Measures `analyzeCustomer` against the labelled exchanges: anger level, abuse, threats, repeat contact. */
import { readFileSync } from "node:fs";
import { analyzeCustomer } from "../../packages/coach/src/analyze-customer.js";
import { THREAT_KINDS } from "../../packages/coach/src/types.js";

interface Row {
  id: string;
  customer: string;
  customer_labels: { anger: number; abusive: boolean; threat: string; repeat_contact: boolean };
}

const DATA = process.env.KEEL_DATA ?? "/work/shared/data/reply-labels";

function load(split: string): Row[] {
  return readFileSync(`${DATA}/${split}.jsonl`, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);
}

function prf(tp: number, fp: number, fn: number): string {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${p.toFixed(2)} R ${r.toFixed(2)} F1 ${f.toFixed(2)} (tp ${tp} fp ${fp} fn ${fn})`;
}

function binary(pairs: Array<[boolean, boolean]>): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [gold, pred] of pairs) {
    if (gold && pred) tp++;
    else if (!gold && pred) fp++;
    else if (gold && !pred) fn++;
  }
  return prf(tp, fp, fn);
}

function report(split: string): void {
  const rows = load(split);
  const preds = rows.map((r) => analyzeCustomer(r.customer));
  const gold = rows.map((r) => r.customer_labels.anger);
  const level = preds.map((p) => p.anger_level as number);
  const counts = [0, 1, 2, 3].map((c) => gold.filter((g) => g === c).length);
  const majority = Math.max(...counts) / rows.length;
  const accuracy = gold.filter((g, i) => g === level[i]).length / rows.length;
  const mae = gold.reduce((s, g, i) => s + Math.abs(g - (level[i] ?? 0)), 0) / rows.length;
  const within1 = gold.filter((g, i) => Math.abs(g - (level[i] ?? 0)) <= 1).length / rows.length;
  console.log(`\n== ${split} (${rows.length} rows)`);
  console.log(
    `anger level: accuracy ${accuracy.toFixed(3)} (majority baseline ${majority.toFixed(3)}), MAE ${mae.toFixed(3)}, within ±1 ${within1.toFixed(3)}`,
  );
  for (const c of [0, 1, 2, 3]) {
    const pairs = gold.map((g, i): [boolean, boolean] => [g === c, level[i] === c]);
    console.log(`  level ${c}: ${binary(pairs)}`);
  }
  const confusion = [0, 1, 2, 3].map((g) =>
    [0, 1, 2, 3].map((p) => gold.filter((x, i) => x === g && level[i] === p).length),
  );
  console.log(`  confusion (rows gold, cols predicted): ${JSON.stringify(confusion)}`);
  console.log(
    `abusive:        ${binary(rows.map((r, i) => [r.customer_labels.abusive, preds[i]?.abusive ?? false]))}`,
  );
  console.log(
    `repeat_contact: ${binary(rows.map((r, i) => [r.customer_labels.repeat_contact, preds[i]?.repeat_contact ?? false]))}`,
  );
  console.log(
    `any threat:     ${binary(rows.map((r, i) => [r.customer_labels.threat !== "none", (preds[i]?.threats.length ?? 0) > 0]))}`,
  );
  for (const kind of THREAT_KINDS) {
    const pairs = rows.map((r, i): [boolean, boolean] => [
      r.customer_labels.threat === kind,
      preds[i]?.threats.some((t) => t.kind === kind) ?? false,
    ]);
    console.log(`  threat ${kind.padEnd(12)} ${binary(pairs)}`);
  }
  if (split === "train" && process.argv.includes("--sweep")) {
    for (const t of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const rep = rows.map((r, i): [boolean, boolean] => [
        r.customer_labels.repeat_contact,
        (preds[i]?.repeat_contact_confidence ?? 0) >= t,
      ]);
      const ab = rows.map((r, i): [boolean, boolean] => [
        r.customer_labels.abusive,
        (preds[i]?.abuse_confidence ?? 0) >= t,
      ]);
      console.log(`  threshold ${t}: repeat ${binary(rep)} | abusive ${binary(ab)}`);
    }
  }
  if (process.env.KEEL_SHOW_ERRORS === split) {
    rows.forEach((r, i) => {
      const p = preds[i];
      if (!p) return;
      const l = r.customer_labels;
      const wrong = [
        l.anger !== p.anger_level ? `anger ${l.anger}→${p.anger_level}(${p.anger})` : "",
        l.abusive !== p.abusive ? `abusive ${l.abusive}→${p.abusive}` : "",
        l.repeat_contact !== p.repeat_contact ? `repeat ${l.repeat_contact}→${p.repeat_contact}` : "",
        (l.threat !== "none") !== p.threats.length > 0
          ? `threat ${l.threat}→${p.threats.map((t) => t.kind)}`
          : "",
      ].filter(Boolean);
      if (wrong.length === 0) return;
      console.log(`\n[${wrong.join("; ")}] ${r.customer.replace(/\n/g, " / ").slice(-400)}`);
      console.log(`   signals: ${p.signals.map((s) => `${s.kind}:${s.span.text}:${s.weight}`).join(" | ")}`);
    });
  }
}

/** Searches the level cut-offs on train only (dev stays for reporting): accuracy plus a tenth of macro F1. */
function suggestCuts(): void {
  const rows = load("train");
  const scores = rows.map((r) => analyzeCustomer(r.customer).anger);
  const gold = rows.map((r) => r.customer_labels.anger);
  const levelOf = (a: number, c: number[]) =>
    a >= (c[2] ?? 101) ? 3 : a >= (c[1] ?? 101) ? 2 : a >= (c[0] ?? 101) ? 1 : 0;
  let best = { objective: -1, cuts: [0, 0, 0], accuracy: 0, macroF1: 0 };
  for (let c1 = 1; c1 < 60; c1++) {
    for (let c2 = c1 + 1; c2 < 90; c2++) {
      for (let c3 = c2 + 1; c3 <= 100; c3 += 3) {
        const cuts = [c1, c2, c3];
        const pred = scores.map((a) => levelOf(a, cuts));
        const accuracy = gold.filter((g, i) => g === pred[i]).length / rows.length;
        let f1 = 0;
        for (const c of [0, 1, 2, 3]) {
          const tp = gold.filter((g, i) => g === c && pred[i] === c).length;
          const fp = gold.filter((g, i) => g !== c && pred[i] === c).length;
          const fn = gold.filter((g, i) => g === c && pred[i] !== c).length;
          f1 += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
        }
        const objective = accuracy + 0.1 * (f1 / 4);
        if (objective > best.objective) best = { objective, cuts, accuracy, macroF1: f1 / 4 };
      }
    }
  }
  const mean = [0, 1, 2, 3].map((c) => {
    const xs = scores.filter((_, i) => gold[i] === c);
    return xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0;
  });
  console.log(`\nmean anger score per gold level: ${JSON.stringify(mean)}`);
  console.log(
    `suggested cuts (train): ${JSON.stringify(best.cuts)} accuracy ${best.accuracy.toFixed(3)} macro-F1 ${best.macroF1.toFixed(3)}`,
  );
}

report("train");
report("dev");
if (process.argv.includes("--suggest-cuts")) suggestCuts();
