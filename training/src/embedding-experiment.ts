/** @module Dev-set experiment: GoEmotions hashed words with and without mean word vectors (float weights, no quantisation). */
import { extractFeatures, FeatureBuffer } from "../../packages/coach/src/models/hash-features.js";
import { readGoEmotions } from "./data/datasets.js";
import { bestF1Threshold } from "./fit/calibrate.js";
import { EMBEDDING_DIMS, meanVector, prunedEmbeddings, words } from "./fit/embeddings.js";
import { type Example, fitLinear } from "./fit/linear.js";
import { GOEMOTIONS_FEATURES, GOEMOTIONS_FIT, isTuneRow } from "./tasks/goemotions.js";

const train = readGoEmotions("train");
const dev = readGoEmotions("dev");
if (train.ok && dev.ok) {
  const counts = new Map<string, number>();
  for (const r of train.rows) for (const w of words(r.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= 2).map(([w]) => w);
  const table = prunedEmbeddings(vocab, `goemotions-${vocab.length}`);
  console.log(`vocab ${vocab.length}, with vectors ${table.size}`);
  const L = train.names.length;
  const B = 1 << GOEMOTIONS_FEATURES.hashBits;
  const buf = new FeatureBuffer();
  const scaleEmb = Number(process.env.EMB_SCALE ?? "1");
  const make = (text: string, labels: number[], withEmb: boolean): Example => {
    extractFeatures(text, GOEMOTIONS_FEATURES, buf);
    const sparse = buf.ids.slice(0, buf.length);
    const targets = new Float64Array(L);
    for (const l of labels) targets[l] = 1;
    if (!withEmb) return { features: sparse, targets };
    const emb = meanVector(words(text), table);
    const features = new Int32Array(sparse.length + EMBEDDING_DIMS);
    const values = new Float64Array(features.length).fill(1);
    features.set(sparse);
    for (let d = 0; d < EMBEDDING_DIMS; d++) {
      features[sparse.length + d] = B + d;
      values[sparse.length + d] = (emb[d] ?? 0) * scaleEmb;
    }
    return { features, values, targets };
  };
  for (const withEmb of [false, true]) {
    const fitRows = train.rows.filter((_, i) => !isTuneRow(i));
    const tuneRows = train.rows.filter((_, i) => isTuneRow(i));
    const fit = fitLinear(
      fitRows.map((r) => make(r.text, r.labels, withEmb)),
      GOEMOTIONS_FEATURES.hashBits,
      L,
      { ...GOEMOTIONS_FIT, extraFeatures: withEmb ? EMBEDDING_DIMS : 0 },
    );
    const predict = (ex: Example) => {
      const z = Float64Array.from(fit.bias);
      ex.features.forEach((f, k) => {
        const x = ex.values?.[k] ?? 1;
        for (let l = 0; l < L; l++) z[l] = (z[l] ?? 0) + x * (fit.weights[f * L + l] ?? 0);
      });
      return z;
    };
    const tuneZ = tuneRows.map((r) => predict(make(r.text, r.labels, withEmb)));
    const thresholds = train.names.map((_, l) => {
      const probs = tuneZ.map((z) => 1 / (1 + Math.exp(-(z[l] ?? 0))));
      return bestF1Threshold(
        probs,
        tuneRows.map((r) => r.labels.includes(l)),
      ).threshold;
    });
    const devZ = dev.rows.map((r) => predict(make(r.text, r.labels, withEmb)));
    let sum = 0;
    for (let l = 0; l < L; l++) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      dev.rows.forEach((r, i) => {
        const p = 1 / (1 + Math.exp(-(devZ[i]?.[l] ?? 0))) >= (thresholds[l] ?? 0.5);
        const y = r.labels.includes(l);
        if (p && y) tp++;
        else if (p) fp++;
        else if (y) fn++;
      });
      sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    }
    console.log(`embeddings=${withEmb} scale=${scaleEmb} dev macro-F1 ${(sum / L).toFixed(4)}`);
  }
}
