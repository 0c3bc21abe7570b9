/** @module Badges for anger, threats, abuse and SLA state: colour plus words, so meaning never rests on colour alone. */
import { duration, THREAT_LABELS } from "./format.js";

const LEVELS = ["calm", "annoyed", "angry", "furious"] as const;

export function angerLevelName(label: string | null | undefined): (typeof LEVELS)[number] {
  return LEVELS.find((l) => l === label) ?? "calm";
}

export function AngerBadge({
  value,
  label,
  trend,
}: {
  value: number;
  label: string;
  trend?: "rising" | "falling" | "steady" | null;
}) {
  const level = angerLevelName(label);
  const arrow = trend === "rising" ? " ↑" : trend === "falling" ? " ↓" : "";
  const trendWords = trend ? `, ${trend}` : "";
  return (
    <span
      className={`badge badge-${level}`}
      title={`Customer anger ${Math.round(value)}/100 (${level}${trendWords})`}
    >
      {level} {Math.round(value)}
      {arrow}
      <span className="visually-hidden">{trendWords}</span>
    </span>
  );
}

export function ThreatBadge({ kind }: { kind: string }) {
  return <span className="badge badge-danger">threat: {THREAT_LABELS[kind] ?? kind}</span>;
}

export function AbuseBadge() {
  return <span className="badge badge-danger">abuse</span>;
}

export function SlaBadge({
  kind,
  dueAt,
  breached,
  paused,
  now = Date.now(),
}: {
  kind: "first_response" | "resolution" | null;
  dueAt: string | null;
  breached: boolean;
  paused: boolean;
  now?: number;
}) {
  if (!kind || !dueAt) return <span className="muted">—</span>;
  const what = kind === "first_response" ? "Reply" : "Resolve";
  if (paused) return <span className="badge badge-neutral">{what}: paused</span>;
  const left = Date.parse(dueAt) - now;
  if (breached || left < 0)
    return (
      <span className="badge badge-danger">
        {what}: {duration(left)} late
      </span>
    );
  const tone = left < 3_600_000 ? "badge-warn" : "badge-neutral";
  return (
    <span className={`badge ${tone}`}>
      {what} in {duration(left)}
    </span>
  );
}
