/** @module The zone customer-facing times are written in: the customer's own, else the desk's. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { deskSetting } from "../settings/desk-setting.js";
import { writeSetting } from "../settings/service.js";
import { deskVoiceFor } from "./desk-voice.js";

describe.each(backends())("desk voice on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const saved = await writeSetting(
      t.deps.db,
      deskSetting,
      { name: "Acme Care", timezone: "Europe/London" },
      { agentId: null },
      t.deps.clock.now(),
    );
    if (!saved.ok) throw new Error(saved.error.message);
  });
  afterAll(async () => t.close());

  it("uses a customer's own zone, UTC included, and the desk's only when they have none", async () => {
    expect(await deskVoiceFor(t.deps.db, { timezone: "UTC" })).toEqual({
      deskName: "Acme Care",
      zone: "UTC",
    });
    expect((await deskVoiceFor(t.deps.db, { timezone: "Asia/Tokyo" })).zone).toBe("Asia/Tokyo");
    expect((await deskVoiceFor(t.deps.db, { timezone: null })).zone).toBe("Europe/London");
  });
});
