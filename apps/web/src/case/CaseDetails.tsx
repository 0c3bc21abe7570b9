/** @module The case's side panels: SLA clocks, facts the customer gave, promises we made, and follow-ups. */
import type { Fact } from "@keel/coach";
import type { Case } from "@keel/contracts";
import type { Followups, Promises } from "../api/endpoints.js";
import { dateTime, duration, relative, words } from "../ui/format.js";

function Clock({
  title,
  due,
  done,
  paused,
  now,
}: {
  title: string;
  due: string | null;
  done: string | null;
  paused: boolean;
  now: number;
}) {
  let state: string;
  let tone = "";
  if (done) state = `met ${relative(done, now)}`;
  else if (!due) state = "no target";
  else if (paused) state = `paused (due ${dateTime(due)} before the pause)`;
  else {
    const left = Date.parse(due) - now;
    state = left < 0 ? `overdue by ${duration(left)}` : `due in ${duration(left)}`;
    tone = left < 0 ? "error" : left < 3_600_000 ? "warn-text" : "";
  }
  return (
    <div className="clock">
      <dt>{title}</dt>
      <dd className={tone} title={due ? dateTime(due) : undefined}>
        {state}
      </dd>
    </div>
  );
}

export function SlaClocks({ kase, now }: { kase: Case; now: number }) {
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">SLA</h2>
      <dl className="clocks">
        <Clock
          title="First reply"
          due={kase.firstResponseDueAt}
          done={kase.firstRespondedAt}
          paused={kase.slaPaused}
          now={now}
        />
        <Clock
          title="Resolution"
          due={kase.resolutionDueAt}
          done={kase.resolvedAt}
          paused={kase.slaPaused}
          now={now}
        />
      </dl>
      {kase.slaPaused ? (
        <p className="muted small">The clock is stopped while we wait on the customer.</p>
      ) : null}
    </section>
  );
}

export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Facts</h2>
      {facts.length === 0 ? (
        <p className="muted">None found in the customer's messages.</p>
      ) : (
        <dl className="facts">
          {facts.map((f) => (
            <div key={`${f.kind}:${f.value}`}>
              <dt>{words(f.kind)}</dt>
              <dd>
                <code>{f.value}</code>
                {f.normalized && f.normalized !== f.value ? (
                  <span className="muted"> ({f.normalized})</span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export function PromiseList({ promises, now }: { promises: Promises | null; now: number }) {
  return (
    <section className="card" aria-labelledby="promises-title">
      <h2 id="promises-title">Promises</h2>
      {promises === null ? (
        <p className="muted">The promise ledger is not available.</p>
      ) : promises.length === 0 ? (
        <p className="muted">No promises made in replies yet.</p>
      ) : (
        <ul className="promises" data-testid="promises">
          {promises.map((p) => (
            <li key={p.id} className={p.overdue ? "overdue" : ""}>
              <strong>{p.text}</strong>{" "}
              {p.status === "open" ? (
                p.overdue ? (
                  <span className="badge badge-danger">overdue</span>
                ) : (
                  <span className="badge badge-neutral">open</span>
                )
              ) : (
                <span className={`badge ${p.status === "fulfilled" ? "badge-ok" : "badge-neutral"}`}>
                  {p.status}
                </span>
              )}
              <div className="muted small">
                {p.dueAt
                  ? `due ${relative(p.dueAt, now)} (${p.dueText ?? dateTime(p.dueAt)})`
                  : "no time given"}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FollowupList({ followups, now }: { followups: Followups | null; now: number }) {
  if (!followups || followups.length === 0) return null;
  return (
    <section className="card" aria-labelledby="followups-title">
      <h2 id="followups-title">Follow-up</h2>
      <ul className="followups">
        {followups.map((f) => (
          <li key={f.id}>
            <span className="badge badge-neutral">{f.state}</span>{" "}
            {f.state === "scheduled"
              ? `the customer is asked ${relative(f.dueAt, now)} whether the fix held`
              : f.state === "answered"
                ? `fix ${f.fixHeld ? "held" : "did not hold"}, CSAT ${f.csat ?? "—"}/5${f.comment ? `: “${f.comment}”` : ""}`
                : f.state === "waiting"
                  ? `asked ${f.sentAt ? relative(f.sentAt, now) : ""}, waiting for the answer`
                  : `cancelled${f.cancelReason ? ` (${f.cancelReason})` : ""}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
