/** @module Escalation: the coach's advice for this case, the form to escalate with a note, and the handoff brief. */
import { useId, useState } from "react";
import { type Advice, type EscalationResult, escalateCase } from "../api/endpoints.js";

type Brief = EscalationResult["escalation"]["brief"];

export function BriefView({ brief }: { brief: Brief }) {
  const list = (title: string, items: string[]) =>
    items.length > 0 ? (
      <>
        <h4>{title}</h4>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <div className="brief" data-testid="brief">
      <p>{brief.summary}</p>
      {list("The customer wants", brief.wants)}
      {list("Tried so far", brief.tried)}
      {list("Promised", brief.promised)}
      {list(
        "Signals",
        brief.signals.map((s) => s.explanation),
      )}
      <p>
        <strong>Recommended next step:</strong> {brief.recommendedNextStep}
      </p>
    </div>
  );
}

export function EscalationPanel({
  caseId,
  advice,
  closed,
  onEscalated,
}: {
  caseId: string;
  advice: Advice | null;
  /** Resolved or closed: nothing left to escalate. */
  closed: boolean;
  onEscalated: () => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<EscalationResult | null>(null);
  const escalation = result?.escalation ?? advice?.escalation ?? null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const response = await escalateCase(caseId, note.trim() ? { note: note.trim() } : {});
    setBusy(false);
    if (!response.ok) {
      setError(response.error.message);
      return;
    }
    setResult(response.data);
    setOpen(false);
    onEscalated();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Escalation</h2>
      {escalation ? (
        <>
          <p>
            <span className="badge badge-warn">
              {escalation.status === "taken" ? "with a supervisor" : "in the queue"}
            </span>{" "}
            {result && !result.created ? "This case was already escalated." : null}
          </p>
          {escalation.brief ? <BriefView brief={escalation.brief} /> : null}
        </>
      ) : closed ? (
        <p className="muted">
          The case is {advice?.escalated ? "escalated" : "closed for now"}; reopen it to escalate.
        </p>
      ) : (
        <>
          {advice?.advised ? (
            <div className="notice">
              <strong>Escalation advised.</strong>
              <ul>
                {advice.signals.slice(0, 4).map((s) => (
                  <li key={`${s.kind}-${s.explanation}`}>{s.explanation}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">No rule asks for a supervisor yet.</p>
          )}
          {open ? (
            <div className="escalate-form">
              <label htmlFor={`${id}-note`}>Note for the supervisor (optional)</label>
              <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
              <div className="actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  onClick={() => void submit()}
                >
                  {busy ? "Escalating…" : "Escalate with brief"}
                </button>
                <button type="button" onClick={() => setOpen(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setOpen(true)}>
              Escalate…
            </button>
          )}
        </>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
