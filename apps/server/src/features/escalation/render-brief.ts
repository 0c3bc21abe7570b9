/** @module The handoff brief as Markdown, for the supervisor queue and the escalation email. */
import type { HandoffBrief } from "./brief.js";

const SEVERITY_NAMES = { 1: "note", 2: "soon", 3: "now" } as const;

/** Markdown is read by people and renderers alike: neutralise characters that would start markup in quoted text. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s+/g, " ");
}

function list(title: string, items: readonly string[], empty: string): string[] {
  return [`### ${title}`, ...(items.length > 0 ? items.map((t) => `- ${md(t)}`) : [`_${empty}_`]), ""];
}

export function renderBriefMarkdown(brief: HandoffBrief): string {
  const c = brief.caseRef;
  const contacts = brief.customer.contacts.map(md).join(", ") || "none on file";
  const earlier =
    brief.customer.previousCases === undefined ? "" : ` · earlier cases: ${brief.customer.previousCases}`;
  const anger =
    brief.anger.level === null
      ? "not read"
      : `${brief.anger.level} (${brief.anger.current ?? 0}/100${brief.anger.trend ? `, ${brief.anger.trend}` : ""})`;
  const lines = [
    `## Handoff: case #${md(String(c.number))} — ${md(c.subject)}`,
    "",
    `**Customer:** ${md(brief.customer.name)} · ${contacts}${earlier}  `,
    `**Priority:** ${md(c.priority)} · **Status:** ${md(c.status)} · **Anger:** ${anger}`,
    ...(brief.generatedAt ? [`_Brief made ${md(brief.generatedAt)}_`] : []),
    "",
    md(brief.summary),
    "",
    "### Recommended next step",
    md(brief.recommendedNextStep),
    "",
    "### Why escalate",
    ...(brief.signals.length > 0
      ? brief.signals.map((s) => {
          const refs =
            s.messageIds.length > 0 ? ` (${s.messageIds.map((id) => `[${md(id)}]`).join(" ")})` : "";
          return `- **${SEVERITY_NAMES[s.severity]}** — ${md(s.explanation)}${refs}`;
        })
      : ["_No escalation signals._"]),
    "",
    ...list("What the customer wants", brief.wants, "No explicit request found."),
    ...list("Already tried", brief.tried, "Nothing recorded."),
    ...list("Promised", brief.promised, "No commitments found."),
    "### Threats",
    ...(brief.threats.length > 0
      ? brief.threats.map((t) => `- ${t.kind}: “${md(t.text)}” [${md(t.messageId)}]`)
      : ["_None._"]),
    "",
    "### Timeline",
    ...brief.timeline.map((e) => `- ${md(e.at)} · ${md(e.who)}: ${md(e.what)} [${md(e.messageId)}]`),
    "",
  ];
  return lines.join("\n");
}
