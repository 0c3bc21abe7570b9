/** @module The desk's own setting: its name (shown to customers) and the timezone used when a customer has none. */
import { z } from "zod";
import { defineSetting } from "./service.js";

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const deskSetting = defineSetting({
  key: "desk",
  description: "The desk's name shown to customers, and the timezone used for customers without one.",
  schema: z.object({
    name: z.string().trim().min(1, "must not be empty").max(120),
    timezone: z.string().refine(isTimeZone, "must be an IANA timezone such as Europe/London"),
  }),
  defaultValue: { name: "Keel", timezone: "UTC" },
});
