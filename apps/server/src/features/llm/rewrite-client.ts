/**
 * @module Optional rewrite of a draft reply by a language model behind an OpenAI-compatible endpoint
 * (`KEEL_LLM_URL`, `KEEL_LLM_MODEL`, optional `KEEL_LLM_API_KEY`). The coach never needs it.
 */
import { failure, type Result, success } from "../../service-result.js";

export interface LlmSettings {
  /** Base URL, e.g. `http://localhost:11434/v1`; `/chat/completions` is appended. */
  url: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

export function readLlmSettings(env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  if (!env.KEEL_LLM_URL || !env.KEEL_LLM_MODEL) return undefined;
  return {
    url: env.KEEL_LLM_URL,
    model: env.KEEL_LLM_MODEL,
    apiKey: env.KEEL_LLM_API_KEY || undefined,
    timeoutMs: 30_000,
  };
}

const SYSTEM_PROMPT =
  "You rewrite customer-service replies to upset customers. Keep every fact, promise, date and amount exactly. " +
  "Acknowledge the problem specifically, take ownership without excuses, say what happens next and when. " +
  "No blame, no jargon, no 'unfortunately' or 'as per policy'. Answer with the rewritten reply only.";

export interface RewriteInput {
  draft: string;
  customerMessage?: string | undefined;
  /** The coach's fixes for the draft, passed on as guidance. */
  fixes?: readonly string[];
}

export async function rewriteDraft(
  settings: LlmSettings,
  input: RewriteInput,
  fetchImpl: typeof fetch = fetch,
): Promise<Result<{ text: string; model: string }>> {
  const user = [
    input.customerMessage ? `Customer wrote:\n${input.customerMessage}` : "",
    `Draft reply:\n${input.draft}`,
    input.fixes && input.fixes.length > 0 ? `Fix especially:\n- ${input.fixes.join("\n- ")}` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  let response: Response;
  try {
    response = await fetchImpl(`${settings.url.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0.3,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: user },
        ],
      }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    return failure("unavailable", `The rewrite model did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return failure("unavailable", `The rewrite model answered ${response.status}.`);
  }
  const body = (await response.json().catch(() => null)) as {
    choices?: Array<{ message?: { content?: unknown } }>;
  } | null;
  const text = body?.choices?.[0]?.message?.content;
  if (typeof text !== "string" || text.trim() === "") {
    return failure("unavailable", "The rewrite model sent no text.");
  }
  return success({ text: text.trim(), model: settings.model });
}
