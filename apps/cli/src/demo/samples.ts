/** @module Loads the sample conversations the demo coaches (bundled in apps/cli/samples, or a file given by the user). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface SampleConversation {
  id: string;
  domain: string;
  customer: string;
  reply: string;
}

export type SamplesResult = { ok: true; samples: SampleConversation[] } | { ok: false; message: string };

/** The bundled file, found by walking up from this module: it sits at a different depth in src and dist. */
export function bundledSamplesPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "samples", "conversations.jsonl");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

function isSample(value: unknown): value is SampleConversation {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return ["id", "domain", "customer", "reply"].every((k) => typeof v[k] === "string");
}

export function parseSamples(text: string): SamplesResult {
  const samples: SampleConversation[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, message: `line ${i + 1}: invalid JSON` };
    }
    if (!isSample(value))
      return { ok: false, message: `line ${i + 1}: needs string fields id, domain, customer, reply` };
    samples.push(value);
  }
  return samples.length ? { ok: true, samples } : { ok: false, message: "no conversations in the file" };
}

export async function loadSamples(path: string | null): Promise<SamplesResult> {
  const file = path ?? bundledSamplesPath();
  if (!file) return { ok: false, message: "the bundled samples (samples/conversations.jsonl) are missing" };
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return { ok: false, message: `cannot read "${file}"` };
  return parseSamples(text);
}
