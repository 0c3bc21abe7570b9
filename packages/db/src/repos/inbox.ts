/**
 * @module The inbox read model: each case with its customer, the latest customer reading (anger, threats, abuse),
 * the last message, and its promises — one query, read by the inbox's attention ranking.
 */
import { type Kysely, sql } from "kysely";
import type { Case, CaseStatus, Database, MessageDirection } from "../schema.js";
import { normaliseTags } from "./cases.js";

export interface InboxFilter {
  /** Default: every case not resolved or closed. */
  statuses?: readonly CaseStatus[];
  teamId?: string;
  /** null: unassigned. */
  assigneeId?: string | null;
  tag?: string;
  /** Latest customer message at least this anger level (0 calm … 3 furious). */
  angerLevelAtLeast?: number;
  /** A threat of this kind in any customer message; `any` for any kind. */
  threat?: string;
  abusive?: boolean;
  /** Case number, subject, customer name or message text. */
  search?: string;
  /** At most this many rows, newest cases first. */
  cap: number;
  /** For "overdue" promises. */
  now: Date;
}

export interface InboxRow {
  kase: Case;
  customerName: string;
  latestAnger: number | null;
  latestAngerLabel: string | null;
  latestAngerTrend: "rising" | "falling" | "steady" | null;
  peakAnger: number | null;
  threats: string[];
  abusive: boolean;
  lastDirection: MessageDirection | null;
  lastAt: Date | null;
  lastSnippet: string | null;
  messageCount: number;
  openPromises: number;
  overduePromises: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Rows matching the filter (newest cases first, at most `cap`) and how many matched in all. */
export async function listInboxRows(
  db: Kysely<Database>,
  filter: InboxFilter,
): Promise<{ rows: InboxRow[]; total: number }> {
  const conditions = [
    filter.statuses?.length
      ? sql`c.status in (${sql.join(filter.statuses.map((s) => sql`${s}`))})`
      : sql`c.status not in ('resolved', 'closed')`,
  ];
  if (filter.teamId !== undefined) conditions.push(sql`c.team_id = ${filter.teamId}`);
  if (filter.assigneeId === null) conditions.push(sql`c.assignee_id is null`);
  else if (filter.assigneeId !== undefined) conditions.push(sql`c.assignee_id = ${filter.assigneeId}`);
  if (filter.tag !== undefined)
    conditions.push(sql`c.tags @> array[${normaliseTags([filter.tag])[0] ?? ""}]::text[]`);
  if (filter.angerLevelAtLeast !== undefined) {
    conditions.push(sql`coalesce(latest.anger_level, -1) >= ${filter.angerLevelAtLeast}`);
  }
  if (filter.threat !== undefined) {
    conditions.push(
      filter.threat === "any"
        ? sql`cardinality(threat.kinds) > 0`
        : sql`threat.kinds @> array[${filter.threat}]::text[]`,
    );
  }
  if (filter.abusive) conditions.push(sql`agg.abusive`);
  const search = filter.search?.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    const number = /^#?(\d{1,9})$/.exec(search)?.[1];
    conditions.push(sql`(
      c.subject ilike ${like} or cu.name ilike ${like}
      ${number ? sql`or c.number = ${Number(number)}` : sql``}
      or exists (select 1 from messages sm where sm.case_id = c.id and sm.body ilike ${like})
    )`);
  }

  const result = await sql<{
    kase: Case;
    customer_name: string;
    latest_anger: number | null;
    latest_label: string | null;
    latest_trend: "rising" | "falling" | "steady" | null;
    peak_anger: number | null;
    threats: string[];
    abusive: boolean;
    last_direction: MessageDirection | null;
    last_at: Date | null;
    last_snippet: string | null;
    message_count: number;
    open_promises: number;
    overdue_promises: number;
    total: number;
  }>`
    select to_jsonb(c) as kase, cu.name as customer_name,
      latest.anger as latest_anger, latest.label as latest_label, latest.trend as latest_trend,
      agg.peak_anger, threat.kinds as threats, agg.abusive, agg.message_count,
      last.direction as last_direction, last.created_at as last_at, last.snippet as last_snippet,
      prom.open as open_promises, prom.overdue as overdue_promises,
      count(*) over ()::int as total
    from cases c
    join customers cu on cu.id = c.customer_id
    left join lateral (
      select (m.analysis->'result'->>'anger')::float8 as anger,
        (m.analysis->'result'->>'anger_level')::int as anger_level,
        m.analysis->'result'->>'anger_label' as label,
        m.analysis->'result'->>'anger_trend' as trend
      from messages m
      where m.case_id = c.id and m.direction = 'inbound'
      order by m.created_at desc, m.id desc limit 1
    ) latest on true
    left join lateral (
      select count(*)::int as message_count,
        max((m.analysis->'result'->>'anger')::float8) filter (where m.direction = 'inbound') as peak_anger,
        coalesce(bool_or((m.analysis->'result'->>'abusive')::boolean) filter (where m.direction = 'inbound'), false)
          as abusive
      from messages m where m.case_id = c.id
    ) agg on true
    left join lateral (
      select coalesce(array_agg(distinct t->>'kind'), '{}'::text[]) as kinds
      from messages m
      cross join lateral jsonb_array_elements(
        case jsonb_typeof(m.analysis->'result'->'threats') when 'array' then m.analysis->'result'->'threats'
        else '[]'::jsonb end
      ) t
      where m.case_id = c.id and m.direction = 'inbound'
    ) threat on true
    left join lateral (
      select m.direction, m.created_at, left(regexp_replace(m.body, '\\s+', ' ', 'g'), 160) as snippet
      from messages m
      where m.case_id = c.id and m.direction <> 'note'
      order by m.created_at desc, m.id desc limit 1
    ) last on true
    left join lateral (
      select count(*) filter (where p.status = 'open')::int as open,
        count(*) filter (where p.status = 'open' and p.due_at < ${filter.now})::int as overdue
      from promises p where p.case_id = c.id
    ) prom on true
    where ${sql.join(conditions, sql` and `)}
    order by c.created_at desc, c.id desc
    limit ${filter.cap}
  `.execute(db);

  const rows = result.rows.map((r) => ({
    kase: reviveCase(r.kase),
    customerName: r.customer_name,
    latestAnger: r.latest_anger,
    latestAngerLabel: r.latest_label,
    latestAngerTrend: r.latest_trend,
    peakAnger: r.peak_anger,
    threats: r.threats,
    abusive: r.abusive,
    lastDirection: r.last_direction,
    lastAt: r.last_at,
    lastSnippet: r.last_snippet,
    messageCount: r.message_count,
    openPromises: r.open_promises,
    overduePromises: r.overdue_promises,
  }));
  return { rows, total: result.rows[0]?.total ?? 0 };
}

const DATE_COLUMNS = [
  "first_response_due_at",
  "first_responded_at",
  "resolution_due_at",
  "resolved_at",
  "sla_paused_at",
  "created_at",
  "updated_at",
] as const;

/** `to_jsonb(c)` gives timestamps as strings; the Case row type holds Dates. */
function reviveCase(json: Case): Case {
  const kase = { ...json } as Record<string, unknown>;
  for (const column of DATE_COLUMNS) {
    const value = kase[column];
    if (typeof value === "string") kase[column] = new Date(value);
  }
  return kase as unknown as Case;
}
