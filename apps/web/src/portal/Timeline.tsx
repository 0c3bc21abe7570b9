/** @module The portal's timeline: the conversation and the status changes, oldest first. */
import { dateTime } from "../ui/format.js";
import type { PortalCaseDto } from "./api.js";

export function Timeline({ events }: { events: PortalCaseDto["timeline"] }) {
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="portal-timeline">
        {events.map((event, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no ids and never reorder
            key={index}
            className={
              event.kind === "status" ? "event-status" : `event-message from-${event.from ?? "agent"}`
            }
          >
            <div className="event-meta">
              <strong>
                {event.kind === "status" ? "Status" : event.from === "customer" ? "You" : "Our team"}
              </strong>{" "}
              <time dateTime={event.at} className="muted">
                {dateTime(event.at)}
              </time>
            </div>
            <p className="event-text">{event.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
