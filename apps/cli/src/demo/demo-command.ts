/** @module `keel demo`: coaches the sample conversations and prints a report a support lead can read. */
import { analyzeCustomer, type CustomerAnalysis, coachReply, type ReplyCoaching } from "@keel/coach";
import { palette, wantsColour } from "./colors.js";
import { renderCustomer, renderReply } from "./render-conversation.js";
import { renderSummary } from "./render-summary.js";
import { loadSamples, type SampleConversation } from "./samples.js";

const HOW_TO_READ = [
  "How to read it:",
  "  anger      0–100 from the customer's words, with the cues behind it (why) and emotions above 0.3",
  "  score      0–100 for the agent's reply: practices it shows earn points, problems cost points",
  "  misses     practices a reply to an upset customer usually needs; problems come with a rewrite",
  "  top fixes  the three changes that would improve the reply most, most important first",
];

export interface CoachedConversation {
  sample: SampleConversation;
  customer: CustomerAnalysis;
  reply: ReplyCoaching;
}

export function coachSamples(samples: readonly SampleConversation[]): CoachedConversation[] {
  return samples.map((sample) => ({
    sample,
    customer: analyzeCustomer(sample.customer),
    reply: coachReply(sample.reply, sample.customer),
  }));
}

export function reportWidth(stream: { columns?: number }): number {
  return Math.max(60, Math.min(stream.columns ?? 100, 100));
}

export async function runDemo(
  samplesPath: string | null,
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): Promise<number> {
  const loaded = await loadSamples(samplesPath);
  if (!loaded.ok) {
    process.stderr.write(`keel demo: ${loaded.message}\n`);
    return 2;
  }
  const p = palette(wantsColour(out, env));
  const width = reportWidth(out);
  const coached = coachSamples(loaded.samples);
  const parts = [
    p.bold("Keel: coaching replies to angry customers"),
    p.dim(`${coached.length} sample conversations, each read the way Keel reads a ticket on the desk.`),
    "",
    ...HOW_TO_READ.map((line) => p.dim(line)),
    "",
  ];
  coached.forEach((c, i) => {
    const title = ` ${i + 1}/${coached.length} · ${c.sample.domain} · ${c.sample.id} `;
    parts.push(p.bold(`━━${title}${"━".repeat(Math.max(2, width - title.length - 2))}`), "");
    parts.push(renderCustomer(c.sample.customer, c.customer, p, width), "");
    parts.push(renderReply(c.sample.reply, c.reply, c.customer, p, width), "");
  });
  parts.push(renderSummary(coached, p, width));
  out.write(`${parts.join("\n")}\n`);
  return 0;
}
