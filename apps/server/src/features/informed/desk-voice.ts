/** @module Who speaks to the customer and in which time zone: the desk's name, and the customer's zone or the desk's. */
import type { Customer, Database } from "@keel/db";
import type { Kysely } from "kysely";
import { deskSetting } from "../settings/desk-setting.js";
import { readSetting } from "../settings/service.js";
import { validTimeZone } from "./template.js";

export interface DeskVoice {
  deskName: string;
  /** The zone times are written in for this customer. */
  zone: string;
}

/** A customer without a timezone of their own (NULL) is read in the desk's zone, as the desk setting says. */
export async function deskVoiceFor(
  db: Kysely<Database>,
  customer: Pick<Customer, "timezone">,
): Promise<DeskVoice> {
  const desk = await readSetting(db, deskSetting);
  const own = customer.timezone ?? desk.timezone;
  return { deskName: desk.name, zone: validTimeZone(own) };
}
