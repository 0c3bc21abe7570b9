/**
 * @module The inbox: cases ranked by what needs attention, filters kept in the URL, keyboard navigation (j/k or
 * arrows, Enter opens, / searches) and live updates by polling every 5 seconds.
 */
import type { Agent } from "@keel/contracts";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type Inbox,
  type InboxItem,
  inbox,
  listAgents,
  listTeams,
  type TeamListDto,
} from "../api/endpoints.js";
import { navigate, searchParams, useLocation } from "../app/router.js";
import { usePoll } from "../ui/use-poll.js";
import { FilterBar } from "./FilterBar.js";
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  type InboxFilters,
  queryOf,
  searchFromFilters,
} from "./filters.js";
import { InboxTable } from "./InboxTable.js";
import { useListKeys } from "./use-list-keys.js";

export const POLL_MS = 5_000;
const PAGE = 100;

export default function InboxScreen() {
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearch(searchParams(location)), [location]);
  const [data, setData] = useState<Inbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [agents, setAgents] = useState<Agent[]>([]);
  const [teams, setTeams] = useState<TeamListDto["teams"]>([]);
  const seen = useRef<Map<string, string> | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void listAgents().then((r) => r.ok && setAgents(r.data.agents));
    void listTeams().then((r) => r.ok && setTeams(r.data.teams));
  }, []);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await inbox(queryOf(filters, PAGE), signal);
      if (!result.ok) {
        if (result.error.code !== "aborted") setError(result.error.message);
        return;
      }
      setError(null);
      // Cases whose latest customer message is new since the previous load are marked until the next change.
      const previous = seen.current;
      const next = new Map(result.data.items.map((i) => [i.case.id, i.lastMessage?.at ?? ""]));
      if (previous) {
        const changed = result.data.items
          .filter(
            (i) => i.lastMessage?.direction === "inbound" && previous.get(i.case.id) !== i.lastMessage.at,
          )
          .map((i) => i.case.id);
        if (changed.length > 0) setFresh((old) => new Set([...old, ...changed]));
      }
      seen.current = next;
      setData(result.data);
    },
    [filters],
  );

  useEffect(() => {
    const controller = new AbortController();
    seen.current = null;
    setFresh(new Set());
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  usePoll(() => void load(), POLL_MS);

  const items = data?.items ?? [];
  const open = useCallback((item: InboxItem) => navigate(`/cases/${item.case.id}`), []);
  const { active, setActive, rowRefs } = useListKeys(
    items.length,
    (index) => {
      const item = items[index];
      if (item) open(item);
    },
    () => searchBox.current?.focus(),
  );

  const change = (next: InboxFilters) => navigate(`/${searchFromFilters(next)}`, { replace: true });
  const freshCount = items.filter((i) => fresh.has(i.case.id)).length;

  return (
    <main id="main" className="page inbox">
      <div className="inbox-head">
        <h1>Inbox</h1>
        <p className="muted" aria-live="polite">
          {data ? `${data.total} case${data.total === 1 ? "" : "s"}` : "Loading…"}
          {freshCount > 0 ? ` · ${freshCount} with new messages` : ""}
          {data?.truncated ? " · ranking the newest 2,000" : ""}
        </p>
        <p className="muted keys-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
        </p>
      </div>
      <FilterBar
        filters={filters}
        agents={agents}
        teams={teams}
        onChange={change}
        onReset={() => change(EMPTY_FILTERS)}
        searchRef={searchBox}
      />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <InboxTable
        items={items}
        agents={agents}
        active={active}
        fresh={fresh}
        rowRefs={rowRefs}
        onFocusRow={setActive}
        loading={data === null}
      />
    </main>
  );
}
