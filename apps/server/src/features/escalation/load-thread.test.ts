/** @module The thread rules read: Keel's automatic messages are not counted as agent replies. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWorkers } from "../../jobs/index.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { readEmailSettings } from "../email/email-settings.js";
import { addInboundMessage } from "../messages/service.js";
import { loadThread } from "./load-thread.js";

describe.each(backends())("escalation thread on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await registerWorkers(t.deps, readEmailSettings({}), () => undefined);
  });
  afterAll(async () => t.close());

  it("leaves the acknowledgment of receipt out of the replies the rules count", async () => {
    const added = await addInboundMessage(t.deps, {
      newCase: { subject: "Router dead" },
      contact: { kind: "email", value: "ravi@example.com", name: "Ravi" },
      body: "My router died this morning and I work from home.",
      channel: "email",
    });
    if (!added.ok) throw new Error(added.error.message);
    await t.deps.jobs.runAll();
    const stored = await t.deps.db
      .selectFrom("messages")
      .select(["id", "direction"])
      .where("case_id", "=", added.value.case.id)
      .execute();
    expect(stored.filter((m) => m.direction === "outbound")).toHaveLength(1);

    const loaded = await loadThread(t.deps.db, added.value.case.id, t.deps.clock.now());
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.thread.messages.map((m) => m.direction)).toEqual(["inbound"]);
  });
});
