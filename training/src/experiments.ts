/** @module Compares model variants on the dev splits (`tsx training/src/experiments.ts <task>`); prints one line per variant. */

import type { FeatureConfig } from "../../packages/coach/src/models/hash-features.js";
import { loadLinearModel, predictText } from "../../packages/coach/src/models/linear-model.js";
import { readCustomerTurns, readDavidson, readGoEmotions } from "./data/datasets.js";
import { binaryMetrics, confusion, multiclassMetrics } from "./eval/metrics.js";
import type { FitOptions } from "./fit/linear.js";
import { GOEMOTIONS_FEATURES, GOEMOTIONS_FIT, trainGoEmotions } from "./tasks/goemotions.js";
import { neitherSupplement, OFFENSIVE_FEATURES, OFFENSIVE_FIT, trainOffensive } from "./tasks/offensive.js";

/** Variant spec like `bits=15+char=4+lr=0.1` applied over the defaults. */
function variant(spec: string, base: FeatureConfig, baseFit: FitOptions): [FeatureConfig, FitOptions] {
  const features = { ...base };
  const fit = { ...baseFit };
  for (const kv of spec.split("+")) {
    const [k, val] = kv.split("=");
    if (k === "bits") features.hashBits = Number(val);
    if (k === "char") features.charNgram = Number(val);
    if (k === "nobigram") features.bigrams = false;
    if (k === "bigram") features.bigrams = true;
    if (k === "epochs") fit.epochs = Number(val);
    if (k === "lr") fit.learningRate = Number(val);
    if (k === "l2") fit.l2 = Number(val);
    if (k === "seed") fit.seed = Number(val);
    // Same weight on every label's positive targets.
    if (k === "posw") fit.labelWeights = new Array<number>(64).fill(Number(val));
    // Class weights for the softmax, e.g. `classw=3:1:1`.
    if (k === "classw") fit.labelWeights = (val ?? "").split(":").map(Number);
  }
  return [features, fit];
}

function offensive(): void {
  const train = readDavidson("train");
  const dev = readDavidson("dev");
  if (!train.ok || !dev.ok) {
    console.error("Davidson data missing");
    return;
  }
  for (const v of (process.env.VARIANTS ?? "base").split(",")) {
    const [features, fit] = variant(v, OFFENSIVE_FEATURES, OFFENSIVE_FIT);
    const supplement = v.includes("supplement") ? neitherSupplement(readCustomerTurns()) : [];
    const file = trainOffensive(train.rows, features, fit, supplement);
    const loaded = loadLinearModel(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    const out = new Float64Array(3);
    const preds = dev.rows.map((r) => {
      predictText(loaded.model, r.text, out);
      return out.indexOf(Math.max(...out));
    });
    const m = multiclassMetrics(
      confusion(
        [0, 1, 2],
        dev.rows.map((r) => r.label),
        preds,
      ),
    );
    const cs = readCustomerTurns();
    const flagged = cs.filter((t) => {
      predictText(loaded.model, t, out);
      return out.indexOf(Math.max(...out)) !== 2;
    }).length;
    console.log(
      `flagged ${flagged}/${cs.length} support turns\t${v}\tsupp=${supplement.length}\tmacroF1=${m.macroF1?.toFixed(4)}\tacc=${m.accuracy.toFixed(4)}\tF1=${m.perClass.map((c) => c.f1.toFixed(3)).join("/")}`,
    );
  }
}

function goemotions(): void {
  const train = readGoEmotions("train");
  const dev = readGoEmotions("dev");
  if (!train.ok || !dev.ok) {
    console.error("GoEmotions data missing");
    return;
  }
  const variants = (process.env.VARIANTS ?? "base").split(",");
  for (const v of variants) {
    const [features, fit] = variant(v, GOEMOTIONS_FEATURES, GOEMOTIONS_FIT);
    const t0 = Date.now();
    const file = trainGoEmotions(train.rows, train.names, features, fit);
    const loaded = loadLinearModel(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    const L = train.names.length;
    const out = new Float64Array(L);
    const preds = dev.rows.map((r) => {
      predictText(loaded.model, r.text, out);
      return Array.from(out, (p, l) => p >= (file.thresholds?.[l] ?? 0.5));
    });
    const f1s = train.names.map(
      (_, l) =>
        binaryMetrics(
          dev.rows.map((r) => r.labels.includes(l)),
          preds.map((p) => p[l] === true),
        ).f1,
    );
    const macro = f1s.reduce((a, b) => a + b, 0) / L;
    console.log(
      `${v}\tmacroF1=${macro.toFixed(4)}\tsecs=${((Date.now() - t0) / 1000).toFixed(1)}\tbytes=${JSON.stringify(file).length}`,
    );
  }
}

const task = process.argv[2] ?? "goemotions";
if (task === "goemotions") goemotions();
if (task === "offensive") offensive();
