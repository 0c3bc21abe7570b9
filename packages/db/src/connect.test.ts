/** @module openDatabase with an external server: starts nothing, migrates, and closes only its own pool. */
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect.js";
import { migrations } from "./migrations/index.js";
import { backends, createTestDatabase, type TestDatabase } from "./testing.js";

describe.each(backends())("openDatabase with a URL on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  const savedEnv = process.env.DATABASE_URL;
  beforeAll(async () => {
    t = await createTestDatabase(backend, { migrate: false });
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedEnv;
  });

  it("uses the given server, starts no embedded one, and migrates it", async () => {
    const lines: string[] = [];
    const opened = await openDatabase({ databaseUrl: t.url, log: (line) => lines.push(line) });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.embedded).toBeNull();
    expect(opened.value.url).toBe(t.url);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM keel_migrations`.execute(
      opened.value.db,
    );
    const names = Object.keys(migrations);
    expect(Number(rows[0]?.n)).toBe(names.length);
    expect(lines).toContain(`applied migrations: ${names.join(", ")}`);
    await opened.value.close();
    await opened.value.close();
  });

  it("reads DATABASE_URL when no URL is given, and finds nothing left to migrate", async () => {
    process.env.DATABASE_URL = t.url;
    const lines: string[] = [];
    const opened = await openDatabase({
      dataDir: "/nonexistent/never-used",
      log: (line) => lines.push(line),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.embedded).toBeNull();
    expect(lines.filter((line) => line.startsWith("applied migrations"))).toEqual([]);
    await opened.value.close();
  });

  it("reports an unreachable server as a failed result", async () => {
    const url = new URL(t.url);
    url.pathname = "/keel_database_that_does_not_exist";
    const opened = await openDatabase({ databaseUrl: url.toString() });
    expect(opened.ok ? null : opened.error.code).toBe("start_failed");
  });
});
