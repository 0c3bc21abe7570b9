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
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CustomerWithContacts = Customer.extend({ contacts: z.array(Contact) });

export const NewCustomerBody = z.object({
  name: Name(200),
  contacts: z.array(ContactBody).max(20).optional(),
});

export const CustomerPatch = z.object({ name: Name(200) });
export const CustomerList = z.object({ customers: z.array(Customer) });
export const ContactList = z.object({ contacts: z.array(Contact) });
