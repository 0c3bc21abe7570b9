/** @module The inbox filters: search (applied as you type, after a short pause), status, team, owner, tag, anger, threat. */
import type { Agent } from "@keel/contracts";
import { type RefObject, useEffect, useId, useState } from "react";
import type { TeamListDto } from "../api/endpoints.js";
import { STATUS_LABELS, THREAT_LABELS } from "../ui/format.js";
import type { InboxFilters } from "./filters.js";

const SEARCH_PAUSE_MS = 300;

interface Props {
  filters: InboxFilters;
  agents: Agent[];
  teams: TeamListDto["teams"];
  onChange: (filters: InboxFilters) => void;
  onReset: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function FilterBar({ filters, agents, teams, onChange, onReset, searchRef }: Props) {
  const id = useId();
  const [q, setQ] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => setTag(filters.tag), [filters.tag]);
  useEffect(() => {
    if (q === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q }), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const select = (key: keyof InboxFilters, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={String(filters[key])} onChange={(e) => set(key, e.target.value)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="filter-bar" aria-label="Filter the inbox" onSubmit={(e) => e.preventDefault()}>
      <div className="field field-search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          ref={searchRef}
          type="search"
          placeholder="#1042, subject, customer or message text"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
            if (e.key === "Enter") onChange({ ...filters, q });
          }}
        />
      </div>
      {select("status", "Status", [
        ["", "Needs work"],
        ...Object.entries(STATUS_LABELS),
        ["all", "Any status"],
      ])}
      {select("assignee", "Owner", [
        ["", "Anyone"],
        ["me", "Me"],
        ["none", "Unassigned"],
        ...agents.filter((a) => a.active).map((a): [string, string] => [a.id, a.name]),
      ])}
      {select("team", "Team", [["", "Any team"], ...teams.map((t): [string, string] => [t.id, t.name])])}
      {select("anger", "Anger", [
        ["", "Any"],
        ["annoyed", "Annoyed or worse"],
        ["angry", "Angry or worse"],
        ["furious", "Furious"],
      ])}
      {select("threat", "Threat", [
        ["", "Any or none"],
        ["any", "Any threat"],
        ...Object.entries(THREAT_LABELS),
      ])}
      <div className="field">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <input
          id={`${id}-tag`}
          value={tag}
          size={10}
          onChange={(e) => setTag(e.target.value)}
          onBlur={() => tag !== filters.tag && set("tag", tag)}
          onKeyDown={(e) => e.key === "Enter" && set("tag", tag)}
        />
      </div>
      <div className="field field-check">
        <input
          id={`${id}-abuse`}
          type="checkbox"
          checked={filters.abuse}
          onChange={(e) => set("abuse", e.target.checked)}
        />
        <label htmlFor={`${id}-abuse`}>Abuse only</label>
      </div>
      {select("sort", "Sort", [
        ["attention", "Needs attention"],
        ["updated", "Latest activity"],
        ["newest", "Newest"],
        ["oldest", "Oldest"],
      ])}
      <button type="button" className="button-quiet" onClick={onReset}>
        Clear filters
      </button>
    </form>
  );
}
