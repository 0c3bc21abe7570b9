/** @module Customers and contacts API. */
import { z } from "zod";
import { Name, Text, Timestamp, Uuid } from "./common.js";

export const CONTACT_KIND_VALUES = ["email", "phone", "external_id"] as const;
export const ContactKind = z.enum(CONTACT_KIND_VALUES);

export const Contact = z.object({
  id: Uuid,
  customerId: Uuid,
  kind: ContactKind,
  value: z.string(),
  createdAt: Timestamp,
});

export const ContactBody = z.object({ kind: ContactKind, value: Text(320, 1) });

export const Customer = z.object({
  id: Uuid,
  name: z.string(),
  timezone: z
    .string()
    .nullable()
    .describe("IANA zone promise due times are read in; null: the desk's timezone."),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CustomerWithContacts = Customer.extend({ contacts: z.array(Contact) });

export const NewCustomerBody = z.object({
  name: Name(200),
  contacts: z.array(ContactBody).max(20).optional(),
});

/** An IANA zone name the runtime knows ("Europe/London"). */
export const TimeZoneName = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA timezone such as Europe/London");

export const CustomerPatch = z
  .object({ name: Name(200).optional(), timezone: TimeZoneName.nullable().optional() })
  .refine((p) => p.name !== undefined || p.timezone !== undefined, "send a name, a timezone or both");
export const CustomerList = z.object({ customers: z.array(Customer) });
export const ContactList = z.object({ contacts: z.array(Contact) });
