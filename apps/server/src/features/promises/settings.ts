/** @module The promise ledger's admin setting: how long before a promise falls due its owner is reminded. */
import { z } from "zod";
import { defineSetting } from "../settings/service.js";

export const promisesSetting = defineSetting({
  key: "promises",
  description: "Promise ledger: minutes before a promise falls due that its owner is reminded.",
  schema: z.object({
    reminderLeadMinutes: z
      .number()
      .int("must be whole minutes")
      .min(1, "must be at least 1 minute")
      .max(7 * 24 * 60, "must be at most a week (10080 minutes)"),
  }),
  defaultValue: { reminderLeadMinutes: 120 },
});
