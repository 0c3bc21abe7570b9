/**
 * @module Dev-set experiment: a small MLP for GoEmotions (mean of hashed word embeddings → ReLU layer → 28 sigmoids),
 * float weights, thresholds on the train fold. Measured against the shipped linear model; not shipped.
 */
import { readGoEmotions } from "./data/datasets.js";
import { bestF1Threshold } from "./fit/calibrate.js";
import { featurize } from "./fit/linear.js";
import { seededRandom, shuffleInPlace } from "./fit/random.js";
import { GOEMOTIONS_FEATURES, isTuneRow } from "./tasks/goemotions.js";

const D = Number(process.env.DIM ?? "64");
const H = Number(process.env.HIDDEN ?? "64");
const EPOCHS = Number(process.env.EPOCHS ?? "5");
const LR = Number(process.env.LR ?? "0.05");

const train = readGoEmotions("train");
const dev = readGoEmotions("dev");
if (train.ok && dev.ok) {
  const L = train.names.length;
  const B = 1 << GOEMOTIONS_FEATURES.hashBits;
  const random = seededRandom(5);
  const init = (n: number, scale: number) =>
    Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const E = init(B * D, 0.1);
  const W1 = init(H * D, Math.sqrt(6 / (D + H)));
  const b1 = new Float32Array(H);
  const W2 = init(L * H, Math.sqrt(6 / (H + L)));
  const b2 = new Float32Array(L);
  const h0 = new Float32Array(D);
  const h1 = new Float32Array(H);
  const z = new Float32Array(L);
  const dh1 = new Float32Array(H);
  const dh0 = new Float32Array(D);
  const forward = (f: Int32Array) => {
    h0.fill(0);
    for (const id of f) for (let d = 0; d < D; d++) h0[d] = (h0[d] ?? 0) + (E[id * D + d] ?? 0);
    const n = Math.max(1, f.length);
    for (let d = 0; d < D; d++) h0[d] = (h0[d] ?? 0) / n;
    for (let j = 0; j < H; j++) {
      let s = b1[j] ?? 0;
      for (let d = 0; d < D; d++) s += (W1[j * D + d] ?? 0) * (h0[d] ?? 0);
      h1[j] = Math.max(s, 0);
    }
    for (let l = 0; l < L; l++) {
      let s = b2[l] ?? 0;
      for (let j = 0; j < H; j++) s += (W2[l * H + j] ?? 0) * (h1[j] ?? 0);
      z[l] = s;
    }
  };
  const fitRows = train.rows.filter((_, i) => !isTuneRow(i));
  const tuneRows = train.rows.filter((_, i) => isTuneRow(i));
  const feats = featurize(
    fitRows.map((r) => r.text),
    GOEMOTIONS_FEATURES,
  );
  const order = fitRows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffleInPlace(order, random);
    const lr = LR / (1 + epoch);
    for (const i of order) {
      const f = feats[i] as Int32Array;
      const labels = fitRows[i]?.labels ?? [];
      forward(f);
      dh1.fill(0);
      for (let l = 0; l < L; l++) {
        const g = 1 / (1 + Math.exp(-(z[l] ?? 0))) - (labels.includes(l) ? 1 : 0);
        b2[l] = (b2[l] ?? 0) - lr * g;
        for (let j = 0; j < H; j++) {
          dh1[j] = (dh1[j] ?? 0) + g * (W2[l * H + j] ?? 0);
          W2[l * H + j] = (W2[l * H + j] ?? 0) - lr * g * (h1[j] ?? 0);
        }
      }
      dh0.fill(0);
      for (let j = 0; j < H; j++) {
        if ((h1[j] ?? 0) <= 0) continue;
        const g = dh1[j] ?? 0;
        b1[j] = (b1[j] ?? 0) - lr * g;
        for (let d = 0; d < D; d++) {
          dh0[d] = (dh0[d] ?? 0) + g * (W1[j * D + d] ?? 0);
          W1[j * D + d] = (W1[j * D + d] ?? 0) - lr * g * (h0[d] ?? 0);
        }
      }
      const n = Math.max(1, f.length);
      // Embedding rows get a larger step: each sees few examples.
      for (const id of f)
        for (let d = 0; d < D; d++) E[id * D + d] = (E[id * D + d] ?? 0) - (lr * 10 * (dh0[d] ?? 0)) / n;
    }
  }
  const probsOf = (texts: string[]) =>
    featurize(texts, GOEMOTIONS_FEATURES).map((f) => {
      forward(f);
      return Array.from(z, (v) => 1 / (1 + Math.exp(-v)));
    });
  const tuneP = probsOf(tuneRows.map((r) => r.text));
  const thresholds = train.names.map(
    (_, l) =>
      bestF1Threshold(
        tuneP.map((p) => p[l] ?? 0),
        tuneRows.map((r) => r.labels.includes(l)),
      ).threshold,
  );
  const devP = probsOf(dev.rows.map((r) => r.text));
  let sum = 0;
  for (let l = 0; l < L; l++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    dev.rows.forEach((r, i) => {
      const p = (devP[i]?.[l] ?? 0) >= (thresholds[l] ?? 0.5);
      const y = r.labels.includes(l);
      if (p && y) tp++;
      else if (p) fp++;
      else if (y) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  console.log(`MLP D=${D} H=${H} epochs=${EPOCHS} lr=${LR}: dev macro-F1 ${(sum / L).toFixed(4)}`);
}
