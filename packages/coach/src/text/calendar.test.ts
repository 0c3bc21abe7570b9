/** @module Tests for the UTC calendar arithmetic behind timeline resolution. */
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  isoDate,
  isValidDate,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
  parseReference,
} from "./calendar.js";

describe("calendar", () => {
  const ref = parseReference("2026-03-11T08:30:00Z"); // a Wednesday

  it("parses reference dates with and without time, rejecting invalid ones", () => {
    expect(ref).toMatchObject({ hasTime: true });
    expect(parseReference("2026-03-11")).toMatchObject({ hasTime: false });
    expect(parseReference("2026-02-29")).toBeNull();
    expect(parseReference("yesterday")).toBeNull();
    expect(parseReference(undefined)).toBeNull();
    expect(isValidDate(2028, 2, 29)).toBe(true);
  });

  it("finds the next weekday, day of month and month-day", () => {
    if (!ref) throw new Error("reference did not parse");
    expect(isoDate(nextWeekday(ref, 5, false))).toBe("2026-03-13");
    expect(isoDate(nextWeekday(ref, 3, false))).toBe("2026-03-18");
    expect(isoDate(nextWeekday(ref, 3, true))).toBe("2026-03-11");
    expect(isoDate(nextDayOfMonth(ref, 5) ?? 0)).toBe("2026-04-05");
    expect(isoDate(nextDayOfMonth(ref, 31) ?? 0)).toBe("2026-03-31");
    expect(isoDate(nextMonthDay(ref, 1, 2) ?? 0)).toBe("2027-01-02");
  });

  it("skips weekends when adding business days", () => {
    if (!ref) throw new Error("reference did not parse");
    expect(isoDate(addBusinessDays(ref.dayMs, 3))).toBe("2026-03-16");
    expect(isoDate(addBusinessDays(ref.dayMs, 0))).toBe("2026-03-11");
  });
});
