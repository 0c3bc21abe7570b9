/** @module `keel coach "<reply>"`: coaches one draft, optionally against the customer message it answers. */
import { analyzeCustomer, coachReply } from "@keel/coach";
import { palette, wantsColour } from "./colors.js";
import { reportWidth } from "./demo-command.js";
import { renderCustomer, renderReply } from "./render-conversation.js";

export function runCoach(
  reply: string,
  customer: string | null,
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): number {
  const p = palette(wantsColour(out, env));
  const width = reportWidth(out);
  const analysis = customer ? analyzeCustomer(customer) : null;
  const parts: string[] = [];
  if (customer && analysis) parts.push(renderCustomer(customer, analysis, p, width), "");
  parts.push(renderReply(reply, coachReply(reply, customer), analysis, p, width));
  out.write(`${parts.join("\n")}\n`);
  return 0;
}
