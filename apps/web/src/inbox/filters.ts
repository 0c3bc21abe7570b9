/** @module The inbox filters as URL query parameters, so a filtered inbox survives reloads and can be shared. */
import type { InboxParams } from "../api/endpoints.js";

export interface InboxFilters {
  q: string;
  status: string;
  team: string;
  assignee: string;
  tag: string;
  anger: string;
  threat: string;
  abuse: boolean;
  sort: string;
}

export const EMPTY_FILTERS: InboxFilters = {
  q: "",
  status: "",
  team: "",
  assignee: "",
  tag: "",
  anger: "",
  threat: "",
  abuse: false,
  sort: "attention",
};

export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const get = (key: keyof InboxFilters) => search.get(key) ?? "";
  return {
    q: get("q"),
    status: get("status"),
    team: get("team"),
    assignee: get("assignee"),
    tag: get("tag"),
    anger: get("anger"),
    threat: get("threat"),
    abuse: search.get("abuse") === "true",
    sort: get("sort") || "attention",
  };
}

export function searchFromFilters(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "sort" && value === "attention") continue;
    if (value === true) params.set(key, "true");
    else if (typeof value === "string" && value.trim()) params.set(key, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The API query for these filters (the status `all` asks for every status, resolved and closed included). */
export function queryOf(filters: InboxFilters, limit: number): InboxParams {
  const all = ["new", "open", "pending_customer", "pending_internal", "resolved", "closed"];
  return {
    limit,
    sort: filters.sort,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status === "all" ? { status: all } : filters.status ? { status: filters.status } : {}),
    ...(filters.team ? { team: filters.team } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.anger ? { anger: filters.anger } : {}),
    ...(filters.threat ? { threat: filters.threat } : {}),
    ...(filters.abuse ? { abuse: "true" } : {}),
  } as InboxParams;
}
