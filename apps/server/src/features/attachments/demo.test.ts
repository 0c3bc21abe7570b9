/** @module The demo files land on the first inbound message of distinct cases and download like any upload. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";
import { seedAttachmentDemo } from "./demo.js";

describe.each(backends())("attachment demo on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t?.close());

  it("attaches a receipt, a delivery note and an order history", async () => {
    for (const who of ["ana", "ben", "cy", "dee"]) {
      const opened = await addInboundMessage(t.deps, {
        newCase: { subject: `Order problem ${who}` },
        contact: { kind: "email", value: `${who}@example.com` },
        body: "Where is my order?",
        channel: "email",
      });
      if (!opened.ok) throw new Error(opened.error.message);
    }
    await seedAttachmentDemo(t.deps);
    const files = await t.deps.db
      .selectFrom("attachments")
      .innerJoin("messages", "messages.id", "attachments.message_id")
      .select(["attachments.id", "filename", "messages.case_id"])
      .execute();
    expect(files.map((f) => f.filename).sort()).toEqual([
      "delivery-note.txt",
      "order-history.csv",
      "receipt-A-20931.txt",
    ]);
    expect(new Set(files.map((f) => f.case_id)).size).toBe(3);
    const { headers } = await agentWithToken(t, "agent");
    const csv = files.find((f) => f.filename === "order-history.csv");
    const res = await t.app.inject({ method: "GET", url: `/api/v1/attachments/${csv?.id}`, headers });
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.split("\n")[0]).toBe("order,date,item,amount_usd,status");
  });
});
