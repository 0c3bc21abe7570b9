/** @module The follow-up question on the portal: did the fix hold, CSAT from 1 to 5, and a comment. */
import { type FormEvent, useId, useState } from "react";
import { answerFollowup, type FollowupOutcome, type PortalFollowupDto } from "./api.js";

const CSAT_WORDS = [
  "",
  "Very dissatisfied",
  "Dissatisfied",
  "Neither",
  "Satisfied",
  "Very satisfied",
] as const;

export function FollowupForm({
  token,
  followup,
  onAnswered,
}: {
  token: string;
  followup: PortalFollowupDto;
  onAnswered: (outcome: FollowupOutcome) => void;
}) {
  const [fixHeld, setFixHeld] = useState<boolean | null>(null);
  const [csat, setCsat] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = useId();

  if (followup.state === "answered" && followup.answer) {
    return (
      <section className="card" aria-labelledby="followup-title">
        <h2 id="followup-title">Your follow-up answer</h2>
        <p>
          You told us the fix {followup.answer.fixHeld ? "held" : "did not hold"} and rated us{" "}
          {followup.answer.csat} of 5. Thank you.
        </p>
      </section>
    );
  }
  if (followup.state !== "waiting") return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fixHeld === null || csat === null) {
      setError("Please say whether the fix held and choose a rating from 1 to 5.");
      return;
    }
    setBusy(true);
    const result = await answerFollowup(token, { fixHeld, csat, ...(comment.trim() ? { comment } : {}) });
    setBusy(false);
    if (!result.ok) setError(result.message);
    else onAnswered(result.data);
  };

  return (
    <section className="card followup" aria-labelledby="followup-title">
      <h2 id="followup-title">How did it go?</h2>
      <p>{followup.question}</p>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Did the fix hold?</legend>
          <label>
            <input type="radio" name="fixHeld" checked={fixHeld === true} onChange={() => setFixHeld(true)} />{" "}
            Yes, it held
          </label>
          <label>
            <input
              type="radio"
              name="fixHeld"
              checked={fixHeld === false}
              onChange={() => setFixHeld(false)}
            />{" "}
            No, the problem is back
          </label>
        </fieldset>
        <fieldset>
          <legend>How satisfied are you with how we handled your case?</legend>
          <div className="csat">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input type="radio" name="csat" value={n} checked={csat === n} onChange={() => setCsat(n)} />{" "}
                {n} <span className="muted">{CSAT_WORDS[n]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={commentId}>Anything you’d like to add? (optional)</label>
        <textarea
          id={commentId}
          rows={3}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "Sending…" : "Send answer"}
        </button>
      </form>
    </section>
  );
}
