/** @module The webhooks setting: whether webhook URLs may point at private, loopback or link-local addresses. */
import { z } from "zod";
import { defineSetting } from "../settings/service.js";

export const webhooksSetting = defineSetting({
  key: "webhooks",
  description:
    "Webhook targets. Private, loopback and link-local addresses (the desk's own network) are refused unless " +
    "allowPrivateAddresses is true — turn it on only for receivers you run on the same network.",
  schema: z.object({ allowPrivateAddresses: z.boolean() }),
  defaultValue: { allowPrivateAddresses: false },
});
