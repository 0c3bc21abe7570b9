/** @module The inbox rows: why each case needs attention, the customer's anger, threats, promises and the SLA clock. */
import type { Agent } from "@keel/contracts";
import type { MutableRefObject } from "react";
import type { InboxItem } from "../api/endpoints.js";
import { Link, navigate } from "../app/router.js";
import { AbuseBadge, AngerBadge, SlaBadge, ThreatBadge } from "../ui/badges.js";
import { relative, STATUS_LABELS } from "../ui/format.js";

interface Props {
  items: InboxItem[];
  agents: Agent[];
  active: number;
  fresh: ReadonlySet<string>;
  rowRefs: MutableRefObject<Array<HTMLElement | null>>;
  onFocusRow: (index: number) => void;
  loading: boolean;
}

export function InboxTable({ items, agents, active, fresh, rowRefs, onFocusRow, loading }: Props) {
  const names = new Map(agents.map((a) => [a.id, a.name]));
  if (!loading && items.length === 0) {
    return <p className="empty card">No cases match these filters.</p>;
  }
  return (
    <table className="inbox-table">
      <caption className="visually-hidden">Cases, most in need of attention first</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Customer</th>
          <th scope="col">Anger</th>
          <th scope="col">Why now</th>
          <th scope="col">SLA</th>
          <th scope="col">Status · owner</th>
          <th scope="col">Last message</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          const isFresh = fresh.has(item.case.id);
          const href = `/cases/${item.case.id}`;
          return (
            <tr
              key={item.case.id}
              ref={(el) => {
                rowRefs.current[index] = el;
              }}
              tabIndex={index === active ? 0 : -1}
              className={`${index === active ? "active" : ""} ${isFresh ? "fresh" : ""}`}
              onFocus={() => onFocusRow(index)}
              onClick={(e) => {
                if (!(e.target instanceof HTMLAnchorElement)) navigate(href);
              }}
              aria-label={`Case ${item.case.number}: ${item.case.subject}`}
            >
              <td className="col-case">
                <Link href={href} tabIndex={-1}>
                  <span className="case-number">#{item.case.number}</span> {item.case.subject}
                </Link>
                {isFresh ? <span className="badge badge-warn">new message</span> : null}
                {item.lastMessage ? <div className="snippet muted">{item.lastMessage.snippet}</div> : null}
              </td>
              <td>{item.customerName}</td>
              <td>
                {item.anger ? (
                  <AngerBadge value={item.anger.value} label={item.anger.label} trend={item.anger.trend} />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="col-why">
                <div className="badges">
                  {item.threats.map((kind) => (
                    <ThreatBadge key={kind} kind={kind} />
                  ))}
                  {item.abusive ? <AbuseBadge /> : null}
                  {item.overduePromises > 0 ? (
                    <span className="badge badge-danger">
                      {item.overduePromises} promise{item.overduePromises === 1 ? "" : "s"} overdue
                    </span>
                  ) : null}
                </div>
                <div className="reasons muted">
                  {item.attention.reasons
                    .filter((r) => r.kind !== "threat" && r.kind !== "abuse" && r.kind !== "overdue_promise")
                    .slice(0, 2)
                    .map((r) => r.text)
                    .join(" · ")}
                </div>
              </td>
              <td>
                <SlaBadge {...item.sla} />
              </td>
              <td>
                {STATUS_LABELS[item.case.status] ?? item.case.status}
                <div className="muted">
                  {item.case.assigneeId ? (names.get(item.case.assigneeId) ?? "someone") : "unassigned"}
                </div>
              </td>
              <td className="muted">
                {item.lastMessage ? (
                  <>
                    {item.lastMessage.direction === "inbound" ? "customer" : "us"},{" "}
                    {relative(item.lastMessage.at)}
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
