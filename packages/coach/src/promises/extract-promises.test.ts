/** @module Tests for promise extraction: detection, owners, kinds, due times across zones, weekends and DST. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPromises } from "./extract-promises.js";

const LONDON = { referenceDate: "2026-03-12T10:00:00Z", timeZone: "Europe/London" }; // Thursday
const NEW_YORK = { referenceDate: "2026-07-03T15:30:00-04:00", timeZone: "America/New_York" }; // Friday

describe("extractPromises", () => {
  it("reads a callback with owner, kind, due and span", () => {
    const reply = "Sorry about that. I'll call you back tomorrow before noon to go through the results.";
    const [p, ...rest] = extractPromises(reply, LONDON);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      what: "call you back",
      owner: "agent",
      kind: "callback",
      dueText: "tomorrow before noon",
      due: "2026-03-13T12:00:00.000Z",
    });
    expect(p?.span.text).toBe("I'll call you back tomorrow before noon to go through the results");
    expect(reply.slice(p?.span.start, p?.span.end)).toBe(p?.span.text);
  });

  it("gives a same-day promise made after close of business until the end of that day, not a past time", () => {
    const evening = { referenceDate: "2026-03-12T18:30:00Z", timeZone: "Europe/London" }; // Thursday 18:30
    const due = (reply: string) => extractPromises(reply, evening)[0]?.due;
    expect(due("I'll call you back today.")).toBe("2026-03-12T23:59:00.000Z");
    expect(due("I'll send you the label this afternoon.")).toBe("2026-03-12T23:59:00.000Z");
    expect(due("I'll call you back tomorrow.")).toBe("2026-03-13T17:00:00.000Z");
    expect(due("I'll call you back today.")).not.toBeUndefined();
    expect(extractPromises("I'll call you back today.", LONDON)[0]?.due).toBe("2026-03-12T17:00:00.000Z");
  });

  it("counts business days across a weekend, or calendar days when asked", () => {
    const reply = "You'll get the refund within 5 business days.";
    const [business] = extractPromises(reply, NEW_YORK);
    expect(business).toMatchObject({ owner: "company", kind: "refund", due: "2026-07-10T21:00:00.000Z" });
    const [calendar] = extractPromises(reply, { ...NEW_YORK, businessDays: false });
    expect(calendar?.due).toBe("2026-07-08T21:00:00.000Z");
  });

  it("skips the weekend for business days sent on a Friday or a Saturday", () => {
    const friday = { referenceDate: "2026-11-27T15:00:00Z", timeZone: "America/New_York" };
    const due = (reply: string, at = friday) => extractPromises(reply, at)[0]?.due;
    expect(due("We'll refund you within 2 business days.")).toBe("2026-12-01T22:00:00.000Z"); // Tuesday 17:00
    expect(due("I'll update you within 2 working days.")).toBe("2026-12-01T22:00:00.000Z");
    expect(due("We will get back to you the next business day.")).toBe("2026-11-30T22:00:00.000Z"); // Monday
    expect(due("I'll update you by the end of the next business day.")).toBe("2026-11-30T22:00:00.000Z");
    const saturday = { referenceDate: "2026-11-28T15:00:00Z", timeZone: "America/New_York" };
    expect(due("I'll let you know within 1 business day.", saturday)).toBe("2026-11-30T22:00:00.000Z");
    expect(extractPromises("I'll call you the next working day.", friday)[0]?.dueText).toBe(
      "the next working day",
    );
  });

  it("resolves 'tomorrow at 9am' in the customer's zone", () => {
    const reply = "I'll call you tomorrow at 9am.";
    const at = "2026-03-12T23:30:00Z";
    const due = (timeZone: string) => extractPromises(reply, { referenceDate: at, timeZone })[0]?.due;
    expect(due("Europe/London")).toBe("2026-03-13T09:00:00.000Z");
    expect(due("Asia/Tokyo")).toBe("2026-03-14T00:00:00.000Z"); // already Friday morning in Tokyo
    expect(due("America/Los_Angeles")).toBe("2026-03-13T16:00:00.000Z"); // PDT, -7
  });

  it("keeps local close of business across a daylight-saving change", () => {
    const [p] = extractPromises("We will fix it within 3 business days.", {
      referenceDate: "2026-03-27T10:00:00Z",
      timeZone: "Europe/London",
    });
    expect(p).toMatchObject({ kind: "fix", owner: "team", due: "2026-04-01T16:00:00.000Z" }); // 17:00 BST
  });

  it("falls back to the written offset without a zone, and to no due without a reference", () => {
    const reply = "We'll send a replacement on Monday.";
    expect(extractPromises(reply, { referenceDate: "2026-07-03T15:30:00-04:00" })[0]?.due).toBe(
      "2026-07-06T21:00:00.000Z",
    );
    expect(
      extractPromises(reply, { referenceDate: "2026-07-03T15:30:00-04:00", timeZone: "Mars/Base" })[0]?.due,
    ).toBe("2026-07-06T21:00:00.000Z");
    const [p] = extractPromises(reply);
    expect(p).toMatchObject({ kind: "replacement", owner: "team", due: null, dueText: "on Monday" });
  });

  it("finds two promises with different owners in one sentence", () => {
    const got = extractPromises(
      "I'll escalate this to the billing team today and they will contact you by Tuesday.",
      NEW_YORK,
    );
    expect(got.map((p) => [p.owner, p.kind, p.dueText])).toEqual([
      ["agent", "other", "today"],
      ["team", "update", "by Tuesday"],
    ]);
    expect(got[0]?.span.text).toBe("I'll escalate this to the billing team today");
  });

  it("gives a window's end and a thing's owner", () => {
    const [visit] = extractPromises("The technician will visit on Tuesday between 8am and 12pm.", NEW_YORK);
    expect(visit).toMatchObject({ owner: "team", kind: "fix", due: "2026-07-07T16:00:00.000Z" });
    const [parcel] = extractPromises("Your parcel should arrive by Saturday.", LONDON);
    expect(parcel).toMatchObject({ owner: "company", due: "2026-03-14T17:00:00.000Z" });
  });

  it("keeps a promise conditional on the customer, at lower confidence", () => {
    const [plain] = extractPromises("We'll correct the bill within 48 hours.", LONDON);
    const [conditional] = extractPromises(
      "If you send a meter reading, we'll correct the bill within 48 hours.",
      LONDON,
    );
    expect(conditional?.due).toBe("2026-03-14T10:00:00.000Z");
    expect(conditional?.confidence).toBeLessThan(plain?.confidence ?? 0);
  });

  it("reads promises without a written subject, set as expectations, or already under way", () => {
    const chat = extractPromises("will call you back in 10 mins", NEW_YORK);
    expect(chat.map((p) => [p.owner, p.kind, p.due])).toEqual([
      ["agent", "callback", "2026-07-03T19:40:00.000Z"],
    ]);
    const joined = extractPromises("We're on it and will update you by EOD.", LONDON);
    expect(joined.map((p) => [p.owner, p.kind, p.due])).toEqual([
      ["team", "update", "2026-03-12T17:00:00.000Z"],
    ]);
    const [expectation] = extractPromises("You can expect a call from me tomorrow morning.", LONDON);
    expect(expectation).toMatchObject({ owner: "agent", kind: "callback", due: "2026-03-13T12:00:00.000Z" });
    const [posted] = extractPromises("Your new card is being posted today.", LONDON);
    expect(posted).toMatchObject({ owner: "company", kind: "replacement", due: "2026-03-12T17:00:00.000Z" });
    expect(extractPromises("Your complaint is being reviewed.", LONDON)).toEqual([]);
  });

  it("skips an aside after the modal", () => {
    const [p] = extractPromises("We will, of course, refund the delivery charge by Friday.", LONDON);
    expect(p).toMatchObject({
      what: "refund the delivery charge",
      kind: "refund",
      due: "2026-03-13T17:00:00.000Z",
    });
  });

  it("reads a company commitment about a thing in passive or third-person form", () => {
    const read = (reply: string) =>
      extractPromises(reply, LONDON).map((p) => [p.what, p.owner, p.kind, p.dueText]);
    expect(read("Good news, your refund will definitely arrive today.")).toEqual([
      ["refund arrives", "company", "refund", "today"],
    ]);
    expect(read("Your refund for the cancelled flight will arrive by Friday.")).toEqual([
      ["refund for the cancelled flight arrives", "company", "refund", "by Friday"],
    ]);
    expect(read("Your money will be back in your account by Monday.")).toEqual([
      ["money is back in your account", "company", "refund", "by Monday"],
    ]);
    expect(read("Your refund will be processed within 3 business days.")).toEqual([
      ["refund is processed", "company", "refund", "within 3 business days"],
    ]);
    expect(read("The new headphones will arrive tomorrow.")[0]?.[0]).toBe("new headphones arrive");
    expect(read("Thanks for the photos. This will be fixed by Friday.")[0]?.[0]).toBe("this is fixed");
  });

  it("names what a pronoun stands for", () => {
    const [arrives] = extractPromises(
      "The refund was stuck in our payments queue; I've released it now and it will arrive by tomorrow 5pm.",
      LONDON,
    );
    expect(arrives).toMatchObject({ what: "refund arrives", kind: "refund", owner: "company" });
    const [see] = extractPromises(
      "I'm sorry the refund has taken this long. I've released it today and you'll see it within 2 business days.",
      LONDON,
    );
    expect(see).toMatchObject({ what: "receive the refund", kind: "refund" });
    const [look] = extractPromises("Thanks for the order number. I'll look into it today.", LONDON);
    expect(look?.what).toBe("look into the order");
  });

  it("does not take ending the conversation for a promise, but keeps what follows it", () => {
    for (const reply of [
      "I will end this conversation here.",
      "The language has continued, so I'm going to end this chat now. You can reach us by phone.",
      "I'll be closing this chat now.",
      "We will now end this call.",
      "I want to help, and I'll ask that we keep this respectful so I can.",
    ])
      expect(extractPromises(reply, LONDON), reply).toEqual([]);
    const [callback] = extractPromises("I'll end the call and ring you back in 5 minutes.", LONDON);
    expect(callback).toMatchObject({ kind: "callback", owner: "agent" });
    const [pickUp] = extractPromises(
      "I'm going to end this conversation here. You can reach us by phone, and we'll pick it up from there.",
      LONDON,
    );
    expect(pickUp?.what).toBe("pick it up from there");
  });

  it.each([
    "I called you yesterday but couldn't get through.",
    "If you send us a photo, we can look at adjusting the estimate.",
    "Unfortunately we can't promise a date for the rebooking.",
    "We will not disconnect your supply while the complaint is open.",
    "Shall I call you on Monday morning?",
    "Please reply by Friday with the signed form.",
    "We hope to have a fix in the next release.",
    "I'll try to get someone to look at it, but no promises.",
    "Your parcel should arrive soon.",
    "You must upload the invoice within 14 days or the claim will close automatically.",
    "Sorry, I can't tell when the stock will be back.",
    "We'll need a copy of your ID before we can proceed.",
    "I'll be honest, this has been a difficult bug.",
    "Refunds usually take 5-10 business days to appear, depending on your bank.",
    "The refund was approved yesterday and should already be on its way.",
    "Will I get a refund for the missed day?",
    "I will be out of the office until Monday.",
    "> I will cancel my account if this is not fixed by Friday.",
    "We'll see.",
  ])("finds no promise in %j", (reply) => {
    expect(extractPromises(reply, LONDON)).toEqual([]);
  });

  it("never throws and stays fast on long or odd input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(Array.isArray(extractPromises(`I'll ${s} we will ${s}`, LONDON))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(extractPromises(undefined as unknown as string)).toEqual([]);
    const long = "I'll call you tomorrow, ".repeat(1000) + " ".repeat(5000) + "we will ".repeat(1000);
    const started = performance.now();
    expect(extractPromises(long, LONDON).length).toBeGreaterThan(100);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
