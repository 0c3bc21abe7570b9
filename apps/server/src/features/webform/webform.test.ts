/** @module Public contact form: stores real messages, silently drops spam, limits each address. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { FORM_LIMIT } from "./routes.js";
import { spamVerdict } from "./spam-check.js";

describe("spamVerdict", () => {
  const now = new Date("2026-11-02T09:00:10Z");
  it("flags a filled honeypot, a too-fast form and link floods, and passes a plain message", () => {
    expect(spamVerdict({ message: "hi", honeypot: "x" }, now)).toEqual({ spam: true, reason: "honeypot" });
    expect(spamVerdict({ message: "hi", startedAt: new Date("2026-11-02T09:00:09Z") }, now)).toEqual({
      spam: true,
      reason: "too_fast",
    });
    expect(spamVerdict({ message: "http://a http://b www.c http://d" }, now)).toEqual({
      spam: true,
      reason: "too_many_links",
    });
    expect(
      spamVerdict(
        {
          message: "My order http://shop/1 never came",
          honeypot: "",
          startedAt: new Date("2026-11-02T09:00:00Z"),
        },
        now,
      ),
    ).toEqual({ spam: false });
  });
});

describe.each(backends())("POST /api/v1/public/contact on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (payload: object, ip = "10.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/v1/public/contact", payload, remoteAddress: ip });
  const messageCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("messages")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("opens a case from a genuine submission", async () => {
    const res = await post({
      name: "Ana",
      email: "ana@example.com",
      subject: "Broken lamp",
      message: "It arrived broken.",
      website: "",
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().case_number).toEqual(expect.any(Number));
    const message = await t.deps.db.selectFrom("messages").selectAll().executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: "web", direction: "inbound", body: "It arrived broken." });
  });

  it("answers spam like a success without storing it", async () => {
    const before = await messageCount();
    const res = await post(
      { email: "bot@example.com", message: "Buy now", website: "http://spam" },
      "10.0.0.2",
    );
    expect(res.statusCode).toBe(202);
    expect(res.json().case_number).toBeNull();
    expect(await messageCount()).toBe(before);
  });

  it("rejects an invalid email and limits one address to its allowance per minute", async () => {
    expect((await post({ email: "nope", message: "x" }, "10.0.0.3")).statusCode).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < FORM_LIMIT.max + 1; i++) {
      statuses.push((await post({ email: "c@example.com", message: `m${i}` }, "10.0.0.4")).statusCode);
    }
    expect(statuses.slice(0, FORM_LIMIT.max).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    t.deps.clock.advance(FORM_LIMIT.windowMs);
    expect((await post({ email: "c@example.com", message: "later" }, "10.0.0.4")).statusCode).toBe(202);
  });
});
