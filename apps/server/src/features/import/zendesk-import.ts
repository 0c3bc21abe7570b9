/**
 * @module Zendesk ticket export (JSON: `{ tickets: [...] }` or a bare array, each ticket with its `comments`):
 * the requester's comments are inbound, public agent comments outbound, private ones notes.
 */
import {
  type ImportItem,
  looksLikeEmail,
  type ParsedImport,
  parseDate,
  type RowProblem,
} from "./import-item.js";

interface ZendeskComment {
  id?: number | string;
  author_id?: number | string;
  body?: string;
  plain_body?: string;
  public?: boolean;
  created_at?: string;
}

interface ZendeskTicket {
  id?: number | string;
  subject?: string;
  requester_id?: number | string;
  requester?: { email?: string; name?: string };
  requester_email?: string;
  created_at?: string;
  comments?: ZendeskComment[];
}

export function parseZendeskImport(text: string): ParsedImport | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `The export is not JSON: ${(error as Error).message}` };
  }
  const tickets = Array.isArray(data) ? data : (data as { tickets?: unknown })?.tickets;
  if (!Array.isArray(tickets)) return { error: "Expected { tickets: [...] } or an array of tickets." };
  const items: ImportItem[] = [];
  const skipped: RowProblem[] = [];
  for (const [index, raw] of (tickets as ZendeskTicket[]).entries()) {
    const where = `ticket ${index + 1}${raw?.id === undefined ? "" : ` (#${raw.id})`}`;
    const email = (raw?.requester?.email ?? raw?.requester_email ?? "").trim();
    if (!looksLikeEmail(email)) {
      skipped.push({ where, reason: "the requester has no email address" });
      continue;
    }
    if (raw.id === undefined) {
      skipped.push({ where, reason: "the ticket has no id" });
      continue;
    }
    const comments = Array.isArray(raw.comments) ? raw.comments : [];
    if (comments.length === 0) {
      skipped.push({ where, reason: "the ticket has no comments" });
      continue;
    }
    for (const [c, comment] of comments.entries()) {
      const at = parseDate(comment.created_at ?? (c === 0 ? raw.created_at : undefined));
      const body = (comment.plain_body ?? comment.body ?? "").trim();
      const here = `${where}, comment ${c + 1}`;
      if (body === "") {
        skipped.push({ where: here, reason: "the comment is empty" });
        continue;
      }
      if (at === "invalid") {
        skipped.push({ where: here, reason: `"${comment.created_at}" is not a date` });
        continue;
      }
      const byRequester =
        raw.requester_id === undefined ? c === 0 : String(comment.author_id) === String(raw.requester_id);
      items.push({
        where: here,
        caseKey: `zendesk:${raw.id}`,
        subject: (raw.subject ?? "").trim() || body.slice(0, 80),
        customer: { email, name: raw.requester?.name ?? "" },
        direction: byRequester ? "inbound" : comment.public === false ? "note" : "outbound",
        body,
        at,
        externalId: `zendesk:${raw.id}:${comment.id ?? c}`,
      });
    }
  }
  return { items, skipped };
}
