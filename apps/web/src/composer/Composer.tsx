/**
 * @module The reply composer: the draft with the coach's flags, the coach panel beside it, and sending. A reply the
 * server refuses as an unconfirmed over-promise (409) is shown with the wording at fault and can be sent anyway.
 */
import type { CustomerAnalysis, Rewrite, ThreadMessage } from "@keel/coach";
import {
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { newIdempotencyKey } from "../api/client.js";
import { type Created, postMessage, updateDraft } from "../api/endpoints.js";
import { CoachPanel } from "./CoachPanel.js";
import { DraftEditor, type Flag } from "./DraftEditor.js";
import { loadCoachWeights } from "./load-weights.js";
import { FLAG_TITLES, FLAGGED_LABELS } from "./practices.js";
import { applyRewrite } from "./rebase-spans.js";
import { useCoach } from "./use-coach.js";
import { readStoredDraft, useStoredDraft } from "./use-stored-draft.js";

export interface ComposerProps {
  caseId: string;
  customerMessage: string | null;
  thread: readonly ThreadMessage[];
  customerAnalysis?: CustomerAnalysis | null;
  customerAnger: number | null;
  customerAbusive: boolean;
  onSent: (created: Created) => void;
  /** Draft text to start from (tests, and drafts kept across reloads). */
  initialDraft?: string;
}

type Mode = "reply" | "note";
interface Overpromise {
  message: string;
  items: Array<{ key: string; text: string; suggestion: string | null }>;
}

export const Composer = memo(function Composer(props: ComposerProps) {
  const { caseId, customerMessage, thread, customerAnalysis, customerAnger, customerAbusive, onSent } = props;
  const id = useId();
  const [mode, setMode] = useState<Mode>("reply");
  const [draft, setDraft] = useState(() => props.initialDraft ?? readStoredDraft(caseId));
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const [overpromise, setOverpromise] = useState<Overpromise | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => loadCoachWeights(), []);
  useStoredDraft(caseId, draft);

  const coachInput = useMemo(
    () => ({ customerMessage, thread, customerAnalysis: customerAnalysis ?? null }),
    [customerMessage, thread, customerAnalysis],
  );
  const { text: coachedText, coaching } = useCoach(mode === "reply" ? draft : "", coachInput);

  const flags = useMemo<Flag[]>(() => {
    if (!coaching) return [];
    return FLAGGED_LABELS.flatMap((label) => {
      const result = coaching.labels[label];
      if (!result?.value) return [];
      return result.spans.map((s) => ({
        start: s.start,
        end: s.end,
        label,
        title: `${FLAG_TITLES[label] ?? label}: ${result.suggestion ?? ""}`,
      }));
    });
  }, [coaching]);

  const rewrite = useCallback((r: Rewrite) => {
    setDraft((current) => applyRewrite(current, r.span, r.replacement) ?? current);
    box.current?.focus();
  }, []);

  const send = async (confirmOverpromise = false) => {
    const body = (mode === "reply" ? draft : note).trim();
    if (!body) return;
    // The coach in the browser already sees an over-promise: ask first, rather than let the server refuse it.
    const flagged = coachedText === draft ? coaching?.labels.overpromise : undefined;
    if (mode === "reply" && !confirmOverpromise && flagged?.value) {
      setOverpromise({
        message: "The coach flags wording that promises more than we control.",
        items: flagged.spans.map((s) => ({
          key: `${s.start}-${s.text}`,
          text: s.text,
          suggestion:
            flagged.rewrites?.find((r) => r.span.start === s.start)?.replacement ??
            flagged.suggestion ??
            null,
        })),
      });
      return;
    }
    setBusy(true);
    setError(null);
    setSentNotice(null);
    const result = await postMessage(
      caseId,
      mode === "reply"
        ? {
            direction: "outbound",
            body,
            channel: "email",
            ...(confirmOverpromise ? { confirmOverpromise: true } : {}),
          }
        : { direction: "note", body },
      newIdempotencyKey(),
    );
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === "overpromise_unconfirmed") {
        const details = result.error.details ?? {};
        const spans = Array.isArray(details.spans)
          ? (details.spans as Array<{ start?: unknown; text?: unknown }>)
          : [];
        const suggestions = Array.isArray(details.suggestions) ? details.suggestions.map(String) : [];
        setOverpromise({
          message: result.error.message,
          items: spans.map((s, i) => ({
            key: `${String(s.start)}-${String(s.text)}`,
            text: String(s.text ?? ""),
            suggestion: suggestions[i] ?? null,
          })),
        });
        return;
      }
      setError(result.error.message);
      return;
    }
    setOverpromise(null);
    if (mode === "reply") setDraft("");
    else setNote("");
    setSentNotice(mode === "reply" ? "Reply sent." : "Note added.");
    onSent(result.data);
  };

  const fillProgressUpdate = async () => {
    const result = await updateDraft(caseId);
    if (result.ok) {
      setMode("reply");
      setDraft(result.data.text);
      box.current?.focus();
    } else setError(result.error.message);
  };

  // Stable handlers, so the memoised editor and coach panel re-render only when what they show changes.
  const latestSend = useRef(send);
  useLayoutEffect(() => {
    latestSend.current = send;
  });
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void latestSend.current();
    }
  }, []);
  const onDraftChange = useCallback((value: string) => {
    setDraft(value);
    setOverpromise(null);
  }, []);

  return (
    <section className="composer card" aria-labelledby={`${id}-title`}>
      <div className="composer-head">
        <h2 id={`${id}-title`}>{mode === "reply" ? "Reply to the customer" : "Internal note"}</h2>
        <div className="segmented" role="radiogroup" aria-label="What to write">
          {(["reply", "note"] as const).map((m) => (
            <label key={m} className={mode === m ? "selected" : ""}>
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
              {m === "reply" ? "Reply" : "Internal note"}
            </label>
          ))}
        </div>
      </div>
      {mode === "reply" ? (
        <div className="composer-body">
          <div className="composer-main">
            <label htmlFor={`${id}-draft`} className="visually-hidden">
              Your reply
            </label>
            <DraftEditor
              id={`${id}-draft`}
              value={draft}
              onChange={onDraftChange}
              flags={flags}
              coachedText={coachedText}
              textareaRef={box}
              placeholder="Write your reply. The coach underlines what to fix as you type."
              describedBy={`${id}-hint`}
              onKeyDown={onKeyDown}
            />
            <p id={`${id}-hint`} className="muted small">
              Underlined: wording to fix (see the coach). <kbd>Ctrl</kbd>+<kbd>Enter</kbd> sends.
            </p>
          </div>
          <CoachPanel
            coaching={coaching}
            customerAnger={customerAnger}
            customerAbusive={customerAbusive}
            onRewrite={rewrite}
          />
        </div>
      ) : (
        <div className="composer-main">
          <label htmlFor={`${id}-note`} className="visually-hidden">
            Internal note
          </label>
          <textarea
            id={`${id}-note`}
            className="note-input"
            rows={5}
            value={note}
            placeholder="Only your team sees notes."
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
      )}

      {overpromise ? (
        <div
          className="notice"
          role="alertdialog"
          aria-labelledby={`${id}-op`}
          aria-describedby={`${id}-op-text`}
        >
          <h3 id={`${id}-op`}>This reply may promise more than we can keep</h3>
          <p id={`${id}-op-text`}>{overpromise.message}</p>
          {overpromise.items.length > 0 ? (
            <ul>
              {overpromise.items.map((item) => (
                <li key={item.key}>
                  <q>{item.text}</q>
                  {item.suggestion ? <span className="muted"> — try: {item.suggestion}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="actions">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void send(true)}>
              Send anyway
            </button>
            <button
              type="button"
              onClick={() => {
                setOverpromise(null);
                box.current?.focus();
              }}
            >
              Edit the reply
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions composer-actions">
        <button
          type="button"
          className="button-primary"
          disabled={busy || !(mode === "reply" ? draft : note).trim()}
          onClick={() => void send()}
        >
          {busy ? "Sending…" : mode === "reply" ? "Send reply" : "Add note"}
        </button>
        {mode === "reply" ? (
          <button type="button" onClick={() => void fillProgressUpdate()} disabled={busy}>
            Draft a progress update
          </button>
        ) : null}
        <span role="status" className="muted">
          {sentNotice}
        </span>
      </div>
    </section>
  );
});
