/** @module Tests for the dependency-free timeline parser. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasDateDigits, parseTimelines } from "./timeline.js";
import { tokenize } from "./tokenize.js";

// Wednesday 11 March 2026, 08:00 UTC.
const REF = "2026-03-11T08:00:00Z";

function parse(text: string, ref: string | null = REF) {
  return parseTimelines(tokenize(text), ref ?? undefined);
}

function one(text: string, ref: string | null = REF) {
  const found = parse(text, ref);
  expect(found).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error("unreachable");
  return first;
}

describe("parseTimelines", () => {
  it.each([
    ["We will update you by Friday.", "by Friday", "weekday", "2026-03-13"],
    ["Your refund lands on the 14th.", "on the 14th", "date", "2026-03-14"],
    ["The visit is on 14 March.", "on 14 March", "date", "2026-03-14"],
    ["The visit is on March 14th, 2027.", "on March 14th, 2027", "date", "2027-03-14"],
    ["Booked for 2026-03-14.", "2026-03-14", "date", "2026-03-14"],
    ["We ship on 03/14.", "on 03/14", "date", "2026-03-14"],
    ["We ship on 14/03/2026.", "on 14/03/2026", "date", "2026-03-14"],
    ["An engineer comes tomorrow morning.", "tomorrow morning", "relative_day", "2026-03-12"],
    ["We'll have it fixed by end of day.", "by end of day", "relative_day", "2026-03-11"],
    ["The team will reply next week.", "next week", "relative_day", "2026-03-18"],
    ["Delivery is the day after tomorrow.", "the day after tomorrow", "relative_day", "2026-03-13"],
    ["A technician calls first thing tomorrow.", "first thing tomorrow", "relative_day", "2026-03-12"],
    ["We'll ship it this weekend.", "this weekend", "relative_day", "2026-03-14"],
    ["Your slot is Tuesday the 17th.", "Tuesday the 17th", "date", "2026-03-17"],
    ["It will show by Monday 16 March.", "by Monday 16 March", "date", "2026-03-16"],
    ["I can offer Saturday 14th.", "Saturday 14th", "date", "2026-03-14"],
  ])("finds %j", (text, span, kind, resolved) => {
    const t = one(text);
    expect(t.span.text).toBe(span);
    expect(t.kind).toBe(kind);
    expect(t.resolved).toBe(resolved);
    expect(t.customerDeadline).toBe(false);
  });

  it("reads times with zones and joins them with a day", () => {
    expect(one("Fixed by 09:55 UTC.").resolved).toBe("2026-03-11T09:55Z");
    expect(one("Fixed by 09:55 EST.").resolved).toBe("2026-03-11T14:55Z");
    const joined = one("We'll call tomorrow at 9am.");
    expect(joined).toMatchObject({ kind: "datetime", resolved: "2026-03-12T09:00" });
    expect(joined.span.text).toBe("tomorrow at 9am");
    expect(one("by noon on Friday").resolved).toBe("2026-03-13T12:00");
    expect(one("Call on 2026-03-14 at 10:30.").resolved).toBe("2026-03-14T10:30");
  });

  it("moves a bare time that already passed to the next day", () => {
    expect(one("The next train is at 07:30.").resolved).toBe("2026-03-12T07:30");
    expect(one("The next train is at 16:33.").resolved).toBe("2026-03-11T16:33");
  });

  it("reads durations in hours and resolves business days over weekends", () => {
    const d = one("It takes 3–5 business days.");
    expect(d).toMatchObject({ kind: "duration", hours: 120, resolved: "2026-03-18" });
    expect(one("You'll hear back within 48 hours.")).toMatchObject({
      hours: 48,
      resolved: "2026-03-13T08:00",
    });
    expect(one("in two business days").resolved).toBe("2026-03-13");
    expect(one("within 30 minutes").hours).toBe(0.5);
    expect(one("We'll call you in half an hour.").hours).toBe(0.5);
    expect(one("A crew will be there within the hour.").hours).toBe(1);
    expect(one("Someone will call you between 2 and 4pm.").resolved).toBe("2026-03-11T14:00");
    expect(one("The visit is booked between 8am and 12pm.").resolved).toBe("2026-03-11T08:00");
  });

  it("marks deadlines the customer must meet", () => {
    expect(one("You must reply by 14 March.").customerDeadline).toBe(true);
    expect(one("Please return the item within 30 days.").customerDeadline).toBe(true);
    expect(one("You have until Friday to claim it.").customerDeadline).toBe(true);
    expect(one("Your voucher expires on Friday.").customerDeadline).toBe(true);
    expect(one("If you don't respond by Monday, the case closes.").customerDeadline).toBe(true);
    expect(one("You should receive it by Monday.").customerDeadline).toBe(false);
    expect(one("Please allow 3-5 business days.").customerDeadline).toBe(false);
    expect(one("We will call you back by Friday.").customerDeadline).toBe(false);
  });

  it("ignores thread markers, the verb 'may' and pleasantries", () => {
    expect(parse("Please DM us 1/2")).toEqual([]);
    expect(parse("You may 2 times try again.")).toEqual([]);
    expect(parse("Have a nice day!")).toEqual([]);
    expect(parse("Sorry about this, we'll sort it soon.")).toEqual([]);
  });

  it("keeps expressions relative without a valid reference date", () => {
    expect(one("by Friday", null).resolved).toBeUndefined();
    expect(one("by Friday", "not a date").resolved).toBeUndefined();
    expect(one("by Friday", "2026-02-30").resolved).toBeUndefined();
  });

  it("gives spans that are exact offsets", () => {
    const text = "Hi 👋 Ana — we'll call tomorrow at 9am and refund within 2 days.";
    for (const p of parse(text)) expect(text.slice(p.span.start, p.span.end)).toBe(p.span.text);
    expect(parse(text)).toHaveLength(2);
  });

  it("never throws and keeps spans in bounds on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const found = parse(s);
        for (const p of found) expect(s.slice(p.span.start, p.span.end)).toBe(p.span.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("hasDateDigits", () => {
  it("needs a run of 1, 2 or 4 digits starting a word", () => {
    expect(hasDateDigits("@135060 Thanks, we will look")).toBe(false);
    expect(hasDateDigits("call 877-399-3086")).toBe(true);
    expect(hasDateDigits("by 5pm")).toBe(true);
    expect(hasDateDigits("on 12/03")).toBe(true);
    expect(hasDateDigits("ref A12 and 123")).toBe(false);
    expect(hasDateDigits("9")).toBe(true);
  });

  it("never hides a time that /\\d/ would let the parser find", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789 :/.-apmAPon@x"), maxLength: 24 }),
        (text) => {
          if (!hasDateDigits(text)) {
            const found = parseTimelines(tokenize(text), REF).filter((p) => /\d/.test(p.span.text));
            expect(found).toEqual([]);
          }
        },
      ),
    );
  });
});
