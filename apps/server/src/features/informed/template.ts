/**
 * @module Customer-facing texts: the acknowledgment template with its {{placeholders}}, and times written the way a
 * customer reads them, in their own time zone.
 */

export const TEMPLATE_PLACEHOLDERS = [
  "number",
  "customer_name",
  "subject",
  "next_update",
  "portal_link",
  "desk_name",
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

/**
 * Says what the customer most needs on day one: we have it, their reference, what happens next and by when — and
 * it passes the coach (acknowledges, apologises without hedging, empathises, gives a next step and a timeline).
 */
export const DEFAULT_ACKNOWLEDGMENT_TEMPLATE = `Hello {{customer_name}},

Thank you for letting us know about the problem with "{{subject}}". I'm sorry you've had this trouble, and I can see how frustrating it must be.

So you know where things stand: your case number is #{{number}}. A member of our team will read your message, look into what went wrong and reply to you personally by {{next_update}}, with the next step. If you have photos, an order number or anything else that would help, just reply to this message and it will be added to your case.

You can follow your case here: {{portal_link}}

The {{desk_name}} team`;

/** Fills every {{placeholder}}; unknown ones are left as written (the settings schema refuses them on save). */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? values[name as TemplatePlaceholder] : whole,
  );
}

/** Values that look like a real case, for checking a template with the coach before it is saved. */
export const SAMPLE_VALUES: TemplateValues = {
  number: "1042",
  customer_name: "Sam",
  subject: "Order A-20931 arrived damaged",
  next_update: "Monday 2 November at 17:00 (UTC)",
  portal_link: "https://desk.example.com/portal/sample",
  desk_name: "Keel",
};

/** A greeting name: customers created from an address alone are greeted without it. */
export function greetingName(name: string): string {
  const trimmed = name.trim();
  return trimmed === "" || trimmed.includes("@") ? "there" : (trimmed.split(/\s+/)[0] ?? "there");
}

/** A zone Intl understands, else UTC: a mistyped zone must not stop the customer hearing from us. */
export function validTimeZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

/** "Monday 2 November at 17:00 (Europe/London)": day and time in the customer's zone, naming the zone. */
export function formatForCustomer(at: Date, zone: string | null | undefined): string {
  const timeZone = validTimeZone(zone);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} at ${part("hour")}:${part("minute")} (${timeZone})`;
}
