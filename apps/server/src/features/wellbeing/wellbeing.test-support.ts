/** @module Test helpers for wellbeing and reflection suites: customer messages of known hostility, and settings. */
import type { z } from "zod";
import type { TestApp } from "../../testing/test-app.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { type SettingDefinition, writeSetting } from "../settings/service.js";

/** anger 95, furious, abusive, with profanity at 32–39 ("fucking") and 66–70 ("shit"). */
export const ABUSIVE = "You useless idiots, where is my fucking refund?! I'm sick of this shit!!!";
/** anger ≈ 45, angry, a chargeback threat. */
export const ANGRY =
  "This is the THIRD time I'm writing!!! Order #A-20931 never arrived. If I don't get a refund by Friday I'm disputing the charge with my bank.";
export const CALM = "Hi, could you tell me when my order will ship? Thanks.";
export const RELIEVED = "Thanks, that's much better, I appreciate the quick help.";

let senders = 0;

export async function customerWrites(
  t: TestApp,
  body: string,
  options: { caseId?: string; email?: string; tags?: string[]; assigneeId?: string } = {},
) {
  senders++;
  const result = await addInboundMessage(t.deps, {
    ...(options.caseId === undefined
      ? {
          newCase: {
            subject: `Case ${senders}`,
            tags: options.tags ?? [],
            ...(options.assigneeId === undefined ? {} : { assigneeId: options.assigneeId }),
          },
        }
      : { caseId: options.caseId }),
    contact: { kind: "email", value: options.email ?? `customer${senders}@example.com`, name: "Maya Patel" },
    body,
    channel: "api",
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function agentReplies(t: TestApp, caseId: string, agentId: string, body: string) {
  const result = await addOutboundMessage(t.deps, { caseId, authorAgentId: agentId, body, channel: "api" });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.message;
}

export async function setSetting<S extends z.ZodType>(
  t: TestApp,
  definition: SettingDefinition<S>,
  value: z.output<S>,
) {
  const saved = await writeSetting(t.deps.db, definition, value, { agentId: null }, t.deps.clock.now());
  if (!saved.ok) throw new Error(saved.error.message);
}
