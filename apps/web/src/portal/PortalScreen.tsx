/**
 * @module The customer portal (public, behind a signed link): the case's status in plain words, when they will
 * hear from us next, what we promised, the timeline, a reply box, and — on a follow-up link — the follow-up form.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { useLocation } from "../app/router.js";
import { dateTime } from "../ui/format.js";
import {
  type FollowupOutcome,
  type PortalCaseDto,
  type PortalFollowupDto,
  portalCase,
  portalFollowup,
  portalReply,
} from "./api.js";
import { FollowupForm } from "./FollowupForm.js";
import { Timeline } from "./Timeline.js";
import "./portal.css";

function nextUpdateText(next: PortalCaseDto["nextUpdate"]): string {
  if (next.basis === "waiting_on_you") return "We are waiting for your reply.";
  if (next.at === null) return "There is nothing more planned on this case.";
  const when = dateTime(next.at);
  if (next.basis === "followup") return `We will check in with you on ${when}.`;
  if (next.basis === "first_response") return `You will hear from us by ${when}.`;
  return `Your next update is due by ${when}.`;
}

export default function PortalScreen({ params }: { params: Record<string, string> }) {
  const token = params.token ?? "";
  const isFollowupLink = useLocation().split("?")[0]?.endsWith("/followup") ?? false;
  const [kase, setKase] = useState<PortalCaseDto | null>(null);
  const [followup, setFollowup] = useState<PortalFollowupDto | null>(null);
  const [outcome, setOutcome] = useState<FollowupOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const replyId = useId();

  const load = useCallback(async () => {
    const [found, asked] = await Promise.all([
      portalCase(token),
      isFollowupLink ? portalFollowup(token) : Promise.resolve(null),
    ]);
    if (!found.ok) {
      setError(found.message);
      return;
    }
    setError(null);
    setKase(found.data);
    if (asked?.ok) setFollowup(asked.data);
  }, [token, isFollowupLink]);
  useEffect(() => {
    void load();
  }, [load]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    setSending(true);
    const result = await portalReply(token, reply);
    setSending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setReply("");
    setSent(true);
    await load();
  };

  const answered = async (result: FollowupOutcome) => {
    setOutcome(result);
    await load();
  };

  return (
    <div className="portal">
      <header className="portal-top">
        <span className="brand">Keel</span> <span>Your case</span>
      </header>
      <main id="main" className="page portal-page">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {kase === null ? (
          error ? null : (
            <p className="muted" role="status">
              Loading your case…
            </p>
          )
        ) : (
          <>
            <h1>
              Case #{kase.number}: {kase.subject}
            </h1>
            <section className="card status" aria-labelledby="status-title">
              <h2 id="status-title">Status</h2>
              <p>
                <span className="badge badge-neutral" data-status={kase.status}>
                  {kase.statusText}
                </span>{" "}
                <span className="muted">opened {dateTime(kase.createdAt)}</span>
              </p>
              <p>
                <strong>Next update:</strong> {nextUpdateText(kase.nextUpdate)}
              </p>
              {kase.promises.length > 0 ? (
                <>
                  <h3>What we promised</h3>
                  <ul>
                    {kase.promises.map((p) => (
                      <li key={`${p.text}-${p.dueAt ?? ""}`}>
                        {p.text}
                        {p.dueAt ? ` — by ${dateTime(p.dueAt)}` : p.dueText ? ` — ${p.dueText}` : ""}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
            {outcome ? (
              <p className="notice" role="status">
                {outcome.message}
              </p>
            ) : followup ? (
              <FollowupForm token={token} followup={followup} onAnswered={(o) => void answered(o)} />
            ) : null}
            <Timeline events={kase.timeline} />
            <section className="card" aria-labelledby="reply-title">
              <h2 id="reply-title">Write to us</h2>
              <form onSubmit={(e) => void send(e)} className="portal-reply">
                <label htmlFor={replyId}>Your message</label>
                <textarea
                  id={replyId}
                  rows={4}
                  value={reply}
                  onChange={(e) => {
                    setReply(e.target.value);
                    setSent(false);
                  }}
                />
                <button type="submit" className="button-primary" disabled={sending || !reply.trim()}>
                  {sending ? "Sending…" : "Send message"}
                </button>
                {sent ? (
                  <p role="status" className="muted">
                    Sent. We have your message.
                  </p>
                ) : null}
              </form>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
