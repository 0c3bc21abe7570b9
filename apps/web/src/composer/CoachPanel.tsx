/**
 * @module What the coach says about the draft: score, the customer's likely reaction, each practice as a checklist,
 * and the flagged wording with one-click rewrites.
 */
import type { ReplyCoaching, Rewrite } from "@keel/coach";
import { memo, useMemo } from "react";
import { FLAG_TITLES, FLAGGED_LABELS, type Practice, type PracticeState, practicesOf } from "./practices.js";
import { predictReaction } from "./predict-reaction.js";

interface Props {
  coaching: ReplyCoaching | null;
  customerAnger: number | null;
  customerAbusive: boolean;
  onRewrite: (rewrite: Rewrite) => void;
}

const STATE_MARK: Record<PracticeState, string> = { done: "✓", missing: "○", problem: "✗" };
const STATE_WORDS: Record<PracticeState, string> = { done: "done", missing: "missing", problem: "problem" };

const samePractices = (a: { practices: Practice[] }, b: { practices: Practice[] }) =>
  a.practices.length === b.practices.length &&
  a.practices.every((p, i) => {
    const q = b.practices[i];
    return q !== undefined && p.id === q.id && p.state === q.state && p.hint === q.hint;
  });

/** Compared by content: most keystrokes change no practice, and then the list is not rendered again. */
const Checklist = memo(function Checklist({ practices }: { practices: Practice[] }) {
  const done = practices.filter((p) => p.state === "done").length;
  return (
    <div className="checklist">
      <h3>
        Practices{" "}
        <span className="muted">
          ({done} of {practices.length})
        </span>
      </h3>
      <ul>
        {practices.map((p) => (
          <li
            key={p.id}
            className={`practice practice-${p.state}`}
            data-testid={`practice-${p.id}`}
            data-state={p.state}
          >
            <span className="practice-mark" aria-hidden="true">
              {STATE_MARK[p.state]}
            </span>{" "}
            {p.title}
            <span className="visually-hidden">: {STATE_WORDS[p.state]}</span>
            {p.hint && p.state === "missing" ? <div className="muted practice-hint">{p.hint}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}, samePractices);

/** Memoised: it changes with the coaching, not with the rest of the composer's state. */
export const CoachPanel = memo(function CoachPanel({
  coaching,
  customerAnger,
  customerAbusive,
  onRewrite,
}: Props) {
  const practices = useMemo(
    () => (coaching ? practicesOf(coaching, { customerAbusive }) : []),
    [coaching, customerAbusive],
  );
  const forecast = useMemo(
    () => (coaching ? predictReaction(coaching, customerAnger) : null),
    [coaching, customerAnger],
  );
  if (!coaching || !forecast) {
    return (
      <section className="coach-panel" aria-label="Coach">
        <p className="muted">Start typing: the coach reads your reply as you write.</p>
      </section>
    );
  }
  const flags = FLAGGED_LABELS.map((label) => ({ label, result: coaching.labels[label] })).filter(
    (f) => f.result?.value,
  );
  return (
    <section className="coach-panel" aria-label="Coach">
      <div className="coach-summary">
        <div
          className={`score score-${coaching.score >= 70 ? "good" : coaching.score >= 40 ? "fair" : "poor"}`}
        >
          <span className="score-value">{coaching.score}</span>
          <span className="score-label">/100</span>
        </div>
        <div className={`reaction reaction-${forecast.reaction}`} data-testid="reaction">
          <strong>{forecast.headline}</strong>
          {forecast.anger ? (
            <span className="muted">
              {" "}
              · anger {forecast.anger.now} → ~{forecast.anger.after}
            </span>
          ) : null}
          {forecast.because.length > 0 ? (
            <div className="muted">because {forecast.because.join("; ")}</div>
          ) : null}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        Score {coaching.score}. {flags.length} problem{flags.length === 1 ? "" : "s"}. {forecast.headline}.
      </p>

      {flags.length > 0 ? (
        <div className="flags">
          <h3>Fix these</h3>
          <ul>
            {flags.map(({ label, result }) => (
              <li key={label} className={`flag-item flag-item-${label}`} data-testid={`flag-${label}`}>
                <span className={`flag-name flag-name-${label}`}>{FLAG_TITLES[label] ?? label}</span>{" "}
                {result?.spans.map((s) => (
                  <q key={`${s.start}`}>{s.text}</q>
                ))}
                {result?.suggestion ? <div className="muted">{result.suggestion}</div> : null}
                {result?.rewrites?.length ? (
                  <div className="rewrites">
                    {result.rewrites.map((rewrite) => (
                      <button
                        type="button"
                        key={`${rewrite.span.start}-${rewrite.replacement}`}
                        className="rewrite"
                        onClick={() => onRewrite(rewrite)}
                      >
                        {rewrite.replacement === "" ? (
                          <>Remove “{rewrite.span.text}”</>
                        ) : (
                          <>Use “{rewrite.replacement}”</>
                        )}
                        <span className="visually-hidden"> instead of “{rewrite.span.text}”</span>
                      </button>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Checklist practices={practices} />

      {coaching.labels.escalation_needed?.value ? (
        <p className="notice">The coach thinks this case needs a supervisor: consider escalating.</p>
      ) : null}
    </section>
  );
});
