/** @module The case's messages, oldest first: the customer's anger and threats on each, coach scores on our replies. */
import type { Agent, Message } from "@keel/contracts";
import { memo } from "react";
import { AbuseBadge, AngerBadge, ThreatBadge } from "../ui/badges.js";
import { dateTime, relative } from "../ui/format.js";
import { customerReading, replyCoaching } from "./analysis.js";
import { MessageBody } from "./MessageBody.js";

interface Props {
  messages: Message[];
  agents: ReadonlyMap<string, Agent>;
  customerName: string;
  maskProfanity: boolean;
}

/** Memoised: the case page polls every few seconds and most polls change nothing here. */
export const Thread = memo(function Thread({ messages, agents, customerName, maskProfanity }: Props) {
  if (messages.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="thread" aria-label="Messages, oldest first">
      {messages.map((m) => {
        const reading = customerReading(m);
        const coaching = replyCoaching(m);
        const author =
          m.direction === "inbound"
            ? customerName
            : (agents.get(m.authorAgentId ?? "")?.name ?? (m.direction === "note" ? "Note" : "Keel"));
        const threats = [...new Set(reading?.threats.map((t) => t.kind) ?? [])];
        return (
          <li key={m.id} className={`message message-${m.direction}`} data-testid="message">
            <div className="message-head">
              <strong>{author}</strong>
              <span className="muted">
                {m.direction === "note"
                  ? "internal note"
                  : m.direction === "outbound"
                    ? `reply · ${m.channel}`
                    : m.channel}
              </span>
              <time dateTime={m.createdAt} title={dateTime(m.createdAt)} className="muted">
                {relative(m.createdAt)}
              </time>
              <span className="badges">
                {reading ? (
                  <AngerBadge value={reading.anger} label={reading.anger_label} trend={reading.anger_trend} />
                ) : null}
                {threats.map((kind) => (
                  <ThreatBadge key={kind} kind={kind} />
                ))}
                {reading?.abusive ? <AbuseBadge /> : null}
                {reading?.repeat_contact ? <span className="badge badge-warn">repeat contact</span> : null}
                {coaching ? (
                  <span
                    className={`badge ${coaching.score >= 70 ? "badge-ok" : coaching.score >= 40 ? "badge-warn" : "badge-danger"}`}
                    title="The coach's score of this reply"
                  >
                    coach {coaching.score}/100
                  </span>
                ) : null}
              </span>
            </div>
            <MessageBody text={m.body} reading={reading} maskProfanity={maskProfanity} />
          </li>
        );
      })}
    </ol>
  );
});
