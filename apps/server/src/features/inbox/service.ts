/** @module The inbox: filters the queue, ranks it by attention (or by time) and shapes each case for the web app. */
import type { InboxItem, InboxQuery } from "@keel/contracts";
import { type InboxFilter, type InboxRow, listInboxRows } from "@keel/db";
import type { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { toCaseDto } from "../cases/dto.js";
import { attentionOf, slaState } from "./attention.js";

/** The attention sort ranks this many of the newest matching cases; a desk with more open cases pages by time. */
export const RANKED_CASES = 2000;

const ANGER_LEVELS = { annoyed: 1, angry: 2, furious: 3 } as const;

export type InboxParams = z.output<typeof InboxQuery> & { me: string };

function toItem(row: InboxRow, now: Date): InboxItem & { rank: number } {
  const attention = attentionOf(row, now);
  const sla = slaState(row, now);
  return {
    rank: attention.score,
    case: toCaseDto(row.kase),
    customerName: row.customerName,
    attention,
    anger:
      row.latestAnger === null
        ? null
        : {
            value: row.latestAnger,
            label: row.latestAngerLabel ?? "calm",
            trend: row.latestAngerTrend,
            peak: row.peakAnger ?? row.latestAnger,
          },
    threats: row.threats,
    abusive: row.abusive,
    overduePromises: row.overduePromises,
    openPromises: row.openPromises,
    sla: { ...sla, dueAt: sla.dueAt?.toISOString() ?? null },
    lastMessage:
      row.lastDirection && row.lastAt
        ? { direction: row.lastDirection, at: row.lastAt.toISOString(), snippet: row.lastSnippet ?? "" }
        : null,
    messageCount: row.messageCount,
  };
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

export async function listInbox(
  deps: AppDeps,
  params: InboxParams,
): Promise<{ items: InboxItem[]; total: number; truncated: boolean }> {
  const now = deps.clock.now();
  const statuses = params.status === undefined ? undefined : [params.status].flat();
  const filter: InboxFilter = {
    cap: RANKED_CASES,
    now,
    ...(statuses ? { statuses } : {}),
    ...(params.team ? { teamId: params.team } : {}),
    ...(params.assignee === undefined
      ? {}
      : {
          assigneeId:
            params.assignee === "none" ? null : params.assignee === "me" ? params.me : params.assignee,
        }),
    ...(params.tag ? { tag: params.tag } : {}),
    ...(params.anger ? { angerLevelAtLeast: ANGER_LEVELS[params.anger] } : {}),
    ...(params.threat ? { threat: params.threat } : {}),
    ...(params.abuse === "true" ? { abusive: true } : {}),
    ...(params.q ? { search: params.q } : {}),
  };
  const { rows, total } = await listInboxRows(deps.db, filter);
  const items = rows.map((row) => toItem(row, now));
  const created = (i: InboxItem) => Date.parse(i.case.createdAt);
  const activity = (i: InboxItem) => Date.parse(i.lastMessage?.at ?? i.case.updatedAt);
  const order: Record<typeof params.sort, (a: (typeof items)[number], b: (typeof items)[number]) => number> =
    {
      attention: (a, b) =>
        b.rank - a.rank || time(a.sla.dueAt) - time(b.sla.dueAt) || created(a) - created(b),
      newest: (a, b) => created(b) - created(a),
      oldest: (a, b) => created(a) - created(b),
      updated: (a, b) => activity(b) - activity(a),
    };
  items.sort(order[params.sort]);
  const page = items
    .slice(params.offset, params.offset + params.limit)
    .map(({ rank: _rank, ...item }) => item);
  return { items: page, total, truncated: total > rows.length };
}
