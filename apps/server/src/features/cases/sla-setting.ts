/**
 * @module The `sla` setting: first-response and resolution targets per priority, changed by an admin at run time.
 * Until one is saved, the targets given by KEEL_SLA_TARGETS at start (or the built-in ones) apply.
 */
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";
import { z } from "zod";
import { defineSetting, readSetting } from "../settings/service.js";
import { DEFAULT_SLA_TARGETS, parseSlaTargets, type SlaTargets } from "./sla.js";

const Target = z
  .object({
    firstResponseHours: z.number().positive().max(8_760),
    resolutionHours: z.number().positive().max(8_760),
  })
  .refine((t) => t.resolutionHours >= t.firstResponseHours, {
    message: "resolutionHours must be no earlier than firstResponseHours",
    path: ["resolutionHours"],
  });

export const SlaTargetsSchema = z.object({ urgent: Target, high: Target, normal: Target, low: Target });

/** The targets KEEL_SLA_TARGETS sets (the server refuses to start when it is unreadable). */
function targetsFromEnvironment(): SlaTargets {
  const parsed = parseSlaTargets(process.env.KEEL_SLA_TARGETS);
  return parsed.ok ? parsed.value : DEFAULT_SLA_TARGETS;
}

export const slaSetting = defineSetting({
  key: "sla",
  description:
    "SLA targets in hours per priority (first response, resolution). The clock pauses while a case waits on " +
    "the customer. Until saved here, KEEL_SLA_TARGETS (or the built-in targets) apply.",
  schema: SlaTargetsSchema,
  defaultValue: targetsFromEnvironment(),
});

/** The targets in force: the saved setting, else those the server started with. */
export async function currentSlaTargets(
  db: Kysely<Database>,
  startTargets: SlaTargets | undefined,
): Promise<SlaTargets> {
  return readSetting(db, slaSetting.key, SlaTargetsSchema, startTargets ?? slaSetting.defaultValue);
}
