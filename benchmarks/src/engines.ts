/** @module The sentiment engines compared in the throughput section, loaded once with their retained heap. */
import { loadCoach } from "./coach.js";
import { retainedHeap } from "./heap.js";

/** Analyses one message and returns a number, which the bench sums so no work can be optimised away. */
export type Analyze = (text: string) => number;

export interface Engine {
  name: string;
  analyze: Analyze;
  /** Heap retained by loading the engine and warming it on a few messages (bytes). */
  loadHeapBytes: number;
  loadMs: number;
}

export type EngineLoad = { ok: true; engine: Engine } | { ok: false; name: string; error: string };

type Loader = () => Promise<Analyze>;

const LOADERS: Record<string, Loader> = {
  keel: async () => {
    const load = await loadCoach();
    if (!load.ok) throw new Error(load.error);
    const { analyzeCustomer } = load.coach;
    return (text) => analyzeCustomer(text).anger;
  },
  "vader-sentiment": async () => {
    const vader = await import("vader-sentiment");
    return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  },
  "wink-nlp": async () => {
    const { default: winkNLP } = await import("wink-nlp");
    const { default: model } = await import("wink-eng-lite-web-model");
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text) => nlp.readDoc(text).out(its.sentiment) as number;
  },
  "sentiment (AFINN)": async () => {
    const { default: Sentiment } = await import("sentiment");
    const afinn = new Sentiment();
    return (text) => afinn.analyze(text).score;
  },
};

export const ENGINE_NAMES = Object.keys(LOADERS);
export const KEEL = "keel";

const cache = new Map<string, EngineLoad>();

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Loads (once) the named engine, warming it on `warmup` so lazily built tables count toward its heap. */
export async function loadEngine(name: string, warmup: readonly string[]): Promise<EngineLoad> {
  const cached = cache.get(name);
  if (cached) return cached;
  const loader = LOADERS[name];
  let result: EngineLoad;
  if (!loader) result = { ok: false, name, error: "unknown engine" };
  else {
    try {
      const started = performance.now();
      const { value: analyze, bytes } = await retainedHeap(async () => {
        const fn = await loader();
        for (const text of warmup) fn(text);
        return fn;
      });
      result = {
        ok: true,
        engine: { name, analyze, loadHeapBytes: bytes, loadMs: performance.now() - started },
      };
    } catch (error) {
      result = { ok: false, name, error: describeError(error) };
    }
  }
  cache.set(name, result);
  return result;
}
