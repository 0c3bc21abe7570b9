/** @module The follow-up setting: how many days after resolution the customer is asked whether the fix held. */
import { z } from "zod";
import { defineSetting } from "../settings/service.js";

export const FollowupsValue = z.object({
  delayDays: z.number().int("whole days").min(1, "at least 1 day").max(60, "at most 60 days"),
  /** How long the link in the follow-up stays valid. */
  linkDays: z.number().int("whole days").min(1, "at least 1 day").max(90, "at most 90 days").default(30),
});
export type FollowupsValue = z.output<typeof FollowupsValue>;

export const followupsSetting = defineSetting({
  key: "followups",
  schema: FollowupsValue,
  defaultValue: { delayDays: 3, linkDays: 30 },
  description:
    "Days after a case is resolved before the customer is asked whether the fix held (with CSAT and a comment), and how long the link works.",
});
