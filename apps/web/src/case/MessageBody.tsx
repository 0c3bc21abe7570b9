/** @module A message's text with threats and abuse highlighted, and profanity masked when the agent chooses. */
import type { CustomerAnalysis } from "@keel/coach";
import type { ReactNode } from "react";
import { highlightsOf, maskSpans, profanityOf } from "./analysis.js";

export function MessageBody({
  text,
  reading,
  maskProfanity,
}: {
  text: string;
  reading: CustomerAnalysis | null;
  maskProfanity: boolean;
}) {
  if (!reading) return <div className="message-text">{text}</div>;
  const shown = maskProfanity ? maskSpans(text, profanityOf(reading)) : text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of highlightsOf(reading)) {
    if (h.start < at || h.end > shown.length) continue;
    if (h.start > at) parts.push(shown.slice(at, h.start));
    parts.push(
      <mark key={h.start} className={`hl hl-${h.kind}`} title={h.title}>
        {shown.slice(h.start, h.end)}
        <span className="visually-hidden"> ({h.title.toLowerCase()})</span>
      </mark>,
    );
    at = h.end;
  }
  parts.push(shown.slice(at));
  return <div className="message-text">{parts}</div>;
}
