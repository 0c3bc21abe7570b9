/**
 * @module The case's action bar: who it is for and who owns it, resolve (which schedules the follow-up), wait on the
 * customer, reopen, take it, priority, the customer's portal link, and the profanity mask.
 */
import type { Agent, Case } from "@keel/contracts";
import { useId, useState } from "react";
import { createPortalLink, patchCase } from "../api/endpoints.js";
import { STATUS_LABELS } from "../ui/format.js";

interface Props {
  kase: Case;
  me: Agent;
  agents: ReadonlyMap<string, Agent>;
  customerName: string;
  maskProfanity: boolean;
  onMaskProfanity: (mask: boolean) => void;
  onChanged: (kase: Case) => void;
}

const DONE = new Set(["resolved", "closed"]);

export function CaseActions({
  kase,
  me,
  agents,
  customerName,
  maskProfanity,
  onMaskProfanity,
  onChanged,
}: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [portalUrl, setPortalUrl] = useState<string | null>(null);

  const change = async (patch: Parameters<typeof patchCase>[1], done: string) => {
    setBusy(true);
    const result = await patchCase(kase.id, patch);
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    setMessage({ text: done, error: false });
    onChanged(result.data);
  };

  const portal = async () => {
    const result = await createPortalLink(kase.id);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    const url = `${window.location.origin}/portal/${encodeURIComponent(result.data.token)}`;
    setPortalUrl(url);
    try {
      await navigator.clipboard?.writeText(url);
      setMessage({ text: "Portal link copied. A new link replaces the old one.", error: false });
    } catch {
      setMessage({ text: "Portal link created. A new link replaces the old one.", error: false });
    }
  };

  const owner = kase.assigneeId ? (agents.get(kase.assigneeId)?.name ?? "someone") : "nobody";
  const done = DONE.has(kase.status);
  return (
    <div className="case-actions">
      <p className="case-meta">
        <span>
          Customer: <strong>{customerName}</strong>
        </span>
        <span>
          Status: <strong>{STATUS_LABELS[kase.status] ?? kase.status}</strong>
        </span>
        <span>
          Owner: <strong>{kase.assigneeId === me.id ? "you" : owner}</strong>
        </span>
        {kase.tags.length > 0 ? (
          <span>
            Tags:{" "}
            {kase.tags.map((t) => (
              <span key={t} className="badge badge-neutral">
                {t}
              </span>
            ))}
          </span>
        ) : null}
      </p>
      <div className="actions">
        {done ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void change({ status: "open" }, "Case reopened.")}
          >
            Reopen
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() =>
                void change(
                  { status: "resolved" },
                  "Resolved. A follow-up is scheduled: the customer will be asked whether the fix held.",
                )
              }
            >
              Resolve &amp; schedule follow-up
            </button>
            {kase.status !== "pending_customer" ? (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void change(
                    { status: "pending_customer" },
                    "Waiting on the customer: the SLA clock is paused.",
                  )
                }
              >
                Wait on customer
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => void change({ status: "open" }, "Case is open again.")}
              >
                Stop waiting
              </button>
            )}
          </>
        )}
        {kase.assigneeId !== me.id ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void change({ assigneeId: me.id }, "You own this case now.")}
          >
            Take it
          </button>
        ) : null}
        <label htmlFor={`${id}-priority`} className="inline-label">
          Priority
        </label>
        <select
          id={`${id}-priority`}
          value={kase.priority}
          disabled={busy}
          onChange={(e) =>
            void change(
              { priority: e.target.value as Case["priority"] },
              `Priority set to ${e.target.value}.`,
            )
          }
        >
          {["low", "normal", "high", "urgent"].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void portal()}>
          Customer portal link
        </button>
        <span className="field-check">
          <input
            id={`${id}-mask`}
            type="checkbox"
            checked={maskProfanity}
            onChange={(e) => onMaskProfanity(e.target.checked)}
          />
          <label htmlFor={`${id}-mask`}>Mask profanity</label>
        </span>
      </div>
      {portalUrl ? (
        <p className="small">
          Portal link:{" "}
          <input
            readOnly
            value={portalUrl}
            aria-label="Portal link"
            size={60}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      ) : null}
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
