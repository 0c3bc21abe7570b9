/** @module Team repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createTeam, deleteTeam, getTeam, listTeams, renameTeam } from "./teams.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("teams on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates, reads, lists, renames and deletes a team", async () => {
    const created = await createTeam(t.db, { name: " Billing " });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.name).toBe("Billing");
    expect(await getTeam(t.db, created.value.id)).toEqual(created);
    await createTeam(t.db, { name: "Accounts" });
    expect((await listTeams(t.db)).map((team) => team.name)).toEqual(["Accounts", "Billing"]);
    const renamed = await renameTeam(t.db, created.value.id, "Payments");
    expect(renamed.ok && renamed.value.name).toBe("Payments");
    expect(await deleteTeam(t.db, created.value.id)).toEqual({ ok: true, value: { id: created.value.id } });
    expect((await getTeam(t.db, created.value.id)).ok).toBe(false);
  });

  it("refuses a second team with the same name in any case", async () => {
    expect((await createTeam(t.db, { name: "Returns" })).ok).toBe(true);
    const again = await createTeam(t.db, { name: "RETURNS" });
    expect(again.ok ? null : again.error.code).toBe("duplicate");
    const other = await createTeam(t.db, { name: "Shipping" });
    if (!other.ok) throw new Error(other.error.message);
    const clash = await renameTeam(t.db, other.value.id, "returns");
    expect(clash.ok ? null : clash.error.code).toBe("duplicate");
  });

  it("reports a missing team as not_found", async () => {
    for (const result of [
      await getTeam(t.db, MISSING),
      await getTeam(t.db, "not-a-uuid"),
      await renameTeam(t.db, MISSING, "x"),
      await deleteTeam(t.db, MISSING),
    ]) {
      expect(result.ok ? null : result.error.code).toBe("not_found");
    }
  });
});
