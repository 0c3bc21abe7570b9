/** @module The supervisor's escalation queue: open and taken escalations, most severe first, each with its brief. */
import { useCallback, useEffect, useState } from "react";
import { Link } from "../app/router.js";
import { relative } from "../ui/format.js";
import { usePoll } from "../ui/use-poll.js";
import { type EscalationItem, escalationQueue, resolveEscalation, takeEscalation } from "./api.js";
import { SafeMarkdown } from "./SafeMarkdown.js";

/** The most urgent few; the rest one click away, so the charts stay in view. */
const SHOWN_FIRST = 8;
const SEVERITY = { 1: "worth knowing", 2: "escalate soon", 3: "escalate now" } as const;
const SEVERITY_TONE = { 1: "badge-neutral", 2: "badge-warn", 3: "badge-danger" } as const;

function severityOf(n: number): 1 | 2 | 3 {
  return n >= 3 ? 3 : n <= 1 ? 1 : 2;
}

export function EscalationQueue() {
  const [items, setItems] = useState<EscalationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

  const load = useCallback(async () => {
    const result = await escalationQueue();
    if (result.ok) {
      setItems(result.data.escalations);
      setError(null);
    } else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  usePoll(() => void load(), 15_000);

  const act = async (id: string, action: "take" | "resolve") => {
    setBusy(id);
    const result = action === "take" ? await takeEscalation(id) : await resolveEscalation(id);
    setBusy(null);
    if (!result.ok) setError(result.error.message);
    await load();
  };

  return (
    <section className="card escalations" aria-labelledby="escalations-title">
      <h2 id="escalations-title">Escalation queue</h2>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing is waiting for a supervisor.</p>
      ) : (
        <ol className="escalation-list">
          {(showAll ? items : items.slice(0, SHOWN_FIRST)).map((item) => {
            const severity = severityOf(item.severity);
            return (
              <li key={item.id} className="escalation">
                <div className="escalation-head">
                  <span className={`badge ${SEVERITY_TONE[severity]}`}>{SEVERITY[severity]}</span>
                  <Link href={`/cases/${item.caseId}`}>
                    #{item.caseNumber} {item.caseSubject}
                  </Link>
                  <span className="muted">
                    {item.status === "taken" ? "taken" : "open"} · {relative(item.createdAt)} · {item.source}
                    {item.ruleName ? ` (${item.ruleName})` : ""}
                  </span>
                  <span className="escalation-actions">
                    {item.status === "open" ? (
                      <button
                        type="button"
                        disabled={busy === item.id}
                        onClick={() => void act(item.id, "take")}
                      >
                        Take #{item.caseNumber}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      disabled={busy === item.id}
                      onClick={() => void act(item.id, "resolve")}
                    >
                      Resolve #{item.caseNumber}
                    </button>
                  </span>
                </div>
                {item.reasons.length > 0 ? (
                  <ul className="reasons">
                    {item.reasons.map((reason) => (
                      <li key={`${reason.kind}-${reason.explanation}`}>{reason.explanation}</li>
                    ))}
                  </ul>
                ) : null}
                {item.note ? <p>Agent’s note: {item.note}</p> : null}
                <details>
                  <summary>Handoff brief for #{item.caseNumber}</summary>
                  <SafeMarkdown markdown={item.markdown} headingOffset={1} />
                </details>
              </li>
            );
          })}
        </ol>
      )}
      {items && items.length > SHOWN_FIRST && !showAll ? (
        <button type="button" className="button-quiet" onClick={() => setShowAll(true)}>
          Show all {items.length} escalations
        </button>
      ) : null}
    </section>
  );
}
