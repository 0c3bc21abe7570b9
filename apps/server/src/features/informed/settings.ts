/** @module The informed feature's admin settings: the acknowledgment template and how often a waiting case gets an update. */
import { z } from "zod";
import { defineSetting } from "../settings/service.js";
import { DEFAULT_ACKNOWLEDGMENT_TEMPLATE, TEMPLATE_PLACEHOLDERS } from "./template.js";

const placeholders = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");

export const AcknowledgmentValue = z.object({
  /** False stops acknowledgments (a desk whose email system already sends one). */
  enabled: z.boolean().default(true),
  template: z
    .string()
    .trim()
    .min(20, "write at least a sentence or two")
    .max(4000, "keep the acknowledgment under 4,000 characters")
    .refine((text) => text.includes("{{number}}"), "include {{number}} so the customer has their reference")
    .refine(
      (text) => text.includes("{{next_update}}"),
      "include {{next_update}} so the customer knows when they will hear from us",
    )
    .refine(
      (text) => [...text.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)].every((m) => isPlaceholder(m[1] ?? "")),
      `use only these placeholders: ${placeholders}`,
    ),
});
export type AcknowledgmentValue = z.output<typeof AcknowledgmentValue>;

function isPlaceholder(name: string): boolean {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

export const acknowledgmentSetting = defineSetting({
  key: "acknowledgment",
  schema: AcknowledgmentValue,
  defaultValue: { enabled: true, template: DEFAULT_ACKNOWLEDGMENT_TEMPLATE },
  description: `The acknowledgment every new case gets. Placeholders: ${placeholders}. Saving runs the coach on it.`,
});

const Hours = z
  .number()
  .positive("hours must be above 0")
  .max(24 * 30, "at most 30 days");

export const ProgressUpdatesValue = z.object({
  urgent: Hours,
  high: Hours,
  normal: Hours,
  low: Hours,
});
export type ProgressUpdatesValue = z.output<typeof ProgressUpdatesValue>;

export const progressUpdatesSetting = defineSetting({
  key: "progress_updates",
  schema: ProgressUpdatesValue,
  defaultValue: { urgent: 4, high: 8, normal: 24, low: 48 },
  description:
    "Hours a case waiting on us may go without a customer-facing update, per priority, before its agent is prompted.",
});
