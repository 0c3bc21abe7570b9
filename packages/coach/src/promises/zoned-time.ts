/** @module Wall-clock time in a customer's time zone via `Intl.DateTimeFormat`, without a date library. */

/** A reference instant and how to read wall-clock time where the customer is. */
export interface Zone {
  /** Offset in minutes east of UTC at the given instant. */
  offsetAt(utcMs: number): number;
}

const MINUTE_MS = 60_000;
const REFERENCE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A fixed offset, for references written with one and no IANA zone given. */
export function fixedZone(offsetMinutes: number): Zone {
  return { offsetAt: () => offsetMinutes };
}

/** An IANA zone read through Intl; null when the runtime does not know the name. */
export function ianaZone(timeZone: string): Zone | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return null; // RangeError for an unknown zone name: the caller falls back to the written offset.
  }
  return {
    offsetAt(utcMs) {
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(utcMs)) if (p.type !== "literal") parts[p.type] = Number(p.value);
      const wall = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        (parts.hour ?? 0) % 24,
        parts.minute ?? 0,
        parts.second ?? 0,
      );
      return Math.round((wall - (utcMs - (utcMs % 1000))) / MINUTE_MS);
    },
  };
}

/** Parses an ISO reference into its instant and written offset (minutes); a date alone means 00:00 UTC. */
export function parseInstant(iso: string | undefined): { utcMs: number; offset: number | null } | null {
  if (typeof iso !== "string") return null;
  const m = REFERENCE_RE.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const wall = Date.UTC(
    y,
    mo - 1,
    d,
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number(m[7] ?? 0),
  );
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(wall) || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const zone = m[8];
  if (zone === undefined) return { utcMs: wall, offset: null };
  if (zone.toUpperCase() === "Z") return { utcMs: wall, offset: 0 };
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  return { utcMs: wall - offset * MINUTE_MS, offset };
}

/** Wall-clock milliseconds (the local time written as if it were UTC) of an instant in a zone. */
export function toWall(zone: Zone, utcMs: number): number {
  return utcMs + zone.offsetAt(utcMs) * MINUTE_MS;
}

/** The instant at which the zone's clocks show `wallMs`; in a spring-forward gap, the time an hour later. */
export function fromWall(zone: Zone, wallMs: number): number {
  const guess = wallMs - zone.offsetAt(wallMs) * MINUTE_MS;
  const second = wallMs - zone.offsetAt(guess) * MINUTE_MS;
  return zone.offsetAt(second) === zone.offsetAt(guess) ? second : Math.max(guess, second);
}

/** "2026-03-12T10:00" for the wall-clock milliseconds, the form the timeline parser takes as a reference. */
export function wallIso(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 16);
}
