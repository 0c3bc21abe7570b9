/** @module Imports: CSV with a column mapping and a Zendesk export; bad rows reported by line; re-runs add nothing. */
import { createAgent } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { issueApiToken } from "../auth/service.js";
import { parseCsvImport } from "./csv-import.js";
import { runImport } from "./import-service.js";

const CSV = [
  "Ticket,From,Who,Text,Kind,When",
  "T1,ana@example.com,Ana,My order never arrived.,inbound,2026-10-01T10:00:00Z",
  "T1,ana@example.com,Ana,We are tracing it now.,outbound,2026-10-01T11:00:00Z",
  "T2,not-an-email,Bo,Hello,inbound,2026-10-02T10:00:00Z",
  "T3,cy@example.com,Cy,,inbound,2026-10-02T10:00:00Z",
  "T4,di@example.com,Di,Refund please,inbound,yesterday-ish",
  'T5,ed@example.com,Ed,"Two lines,',
  'with a comma",inbound,2026-10-03T10:00:00Z',
].join("\n");
const MAPPING = {
  email: "From",
  body: "Text",
  name: "Who",
  caseId: "Ticket",
  direction: "Kind",
  createdAt: "When",
};

const ZENDESK = JSON.stringify({
  tickets: [
    {
      id: 501,
      subject: "Charged twice",
      requester_id: 9,
      requester: { email: "fay@example.com", name: "Fay" },
      comments: [
        {
          id: 1,
          author_id: 9,
          plain_body: "You charged me twice!",
          public: true,
          created_at: "2026-09-01T08:00:00Z",
        },
        {
          id: 2,
          author_id: 77,
          plain_body: "Sorry, refunding now.",
          public: true,
          created_at: "2026-09-01T09:00:00Z",
        },
        {
          id: 3,
          author_id: 77,
          plain_body: "Check with billing.",
          public: false,
          created_at: "2026-09-01T09:05:00Z",
        },
      ],
    },
    { id: 502, subject: "No email", requester: {}, comments: [{ id: 1, plain_body: "hi" }] },
  ],
});

describe("parseCsvImport", () => {
  it("reports unreadable rows with their line numbers and keeps the rest", () => {
    const parsed = parseCsvImport(CSV, MAPPING);
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.items.map((i) => i.where)).toEqual(["line 2", "line 3", "line 8"]);
    expect(parsed.items[2]?.body).toBe("Two lines,\nwith a comma");
    expect(parsed.skipped).toEqual([
      { where: "line 4", reason: '"not-an-email" is not an email address' },
      { where: "line 5", reason: "the message is empty" },
      { where: "line 6", reason: '"yesterday-ish" is not a date' },
    ]);
  });
  it("names a mapped column the file lacks", () => {
    expect(parseCsvImport(CSV, { ...MAPPING, email: "Email" })).toEqual({
      error: 'The CSV has no column "Email".',
    });
  });
});

describe.each(backends())("imports on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("imports a CSV into cases with progress, and a second run adds nothing", async () => {
    const progress: number[] = [];
    const first = await runImport(t.deps, { format: "csv", content: CSV, mapping: MAPPING }, (r) =>
      progress.push(r.rowsDone),
    );
    expect(first).toMatchObject({
      ok: true,
      report: { rowsTotal: 6, rowsDone: 3, rowsFailed: 3, casesCreated: 2 },
    });
    expect(progress).toEqual([1, 2, 3]);
    const t1 = await t.deps.db
      .selectFrom("messages")
      .selectAll()
      .where("body", "like", "%tracing%")
      .executeTakeFirstOrThrow();
    expect(t1.direction).toBe("outbound");
    expect(t1.created_at.toISOString()).toBe("2026-10-01T11:00:00.000Z");
    const again = await runImport(t.deps, { format: "csv", content: CSV, mapping: MAPPING });
    expect(again).toMatchObject({ ok: true, report: { rowsDone: 0, rowsUnchanged: 3, casesCreated: 0 } });
  });

  it("places an undated row right after the row before it in its conversation", async () => {
    const csv = [
      "Ticket,From,Who,Text,Kind,When",
      "T9,gus@example.com,Gus,The heater broke again.,inbound,2026-10-05T10:00:00Z",
      "T9,gus@example.com,Gus,Sorry to hear that!,outbound,",
      "T9,gus@example.com,Gus,Any news?,inbound,2026-10-06T09:00:00Z",
    ].join("\n");
    const imported = await runImport(t.deps, { format: "csv", content: csv, mapping: MAPPING });
    expect(imported).toMatchObject({ ok: true, report: { rowsDone: 3, rowsFailed: 0 } });
    const reply = await t.deps.db
      .selectFrom("messages")
      .selectAll()
      .where("body", "=", "Sorry to hear that!")
      .executeTakeFirstOrThrow();
    expect(reply.created_at.toISOString()).toBe("2026-10-05T10:00:00.001Z");
  });

  it("imports a Zendesk export through the admin route", async () => {
    const admin = await createAgent(t.deps.db, { email: "root@example.com", name: "Root", role: "admin" });
    if (!admin.ok) throw new Error(admin.error.message);
    const issued = await issueApiToken(t.deps, admin.value.id, "import");
    if (!issued.ok) throw new Error(issued.error.message);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { authorization: `Bearer ${issued.value.token}` },
      payload: { format: "zendesk", content: ZENDESK },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ rowsDone: 3, rowsFailed: 1, casesCreated: 1 });
    expect(res.json().report.failures).toEqual([
      { where: "ticket 2 (#502)", reason: "the requester has no email address" },
    ]);
    const kase = await t.deps.db
      .selectFrom("cases")
      .selectAll()
      .where("subject", "=", "Charged twice")
      .executeTakeFirstOrThrow();
    const directions = await t.deps.db
      .selectFrom("messages")
      .select("direction")
      .where("case_id", "=", kase.id)
      .orderBy("created_at")
      .execute();
    expect(directions.map((d) => d.direction)).toEqual(["inbound", "outbound", "note"]);
    const note = await t.deps.db
      .selectFrom("messages")
      .selectAll()
      .where("case_id", "=", kase.id)
      .where("direction", "=", "note")
      .executeTakeFirstOrThrow();
    expect(note.created_at.toISOString()).toBe("2026-09-01T09:05:00.000Z");
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { authorization: `Bearer ${issued.value.token}` },
      payload: { format: "zendesk", content: ZENDESK },
    });
    expect(again.json().report).toMatchObject({ rowsDone: 0, rowsUnchanged: 3, casesCreated: 0 });
    const count = await t.deps.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("case_id", "=", kase.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { authorization: `Bearer ${issued.value.token}` },
      payload: { format: "zendesk", content: "{nope" },
    });
    expect(broken.statusCode).toBe(422);
  });
});
