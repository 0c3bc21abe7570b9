/**
 * @module Durability: the built server is killed with SIGKILL while customer messages stream in over SMTP and over
 * the API (each with an Idempotency-Key). After a restart, a resend of every email and a retry of every API call:
 * each message acknowledged before the kill (SMTP 250, HTTP 201) is stored, none twice, and an API retry gets back
 * the very message it was first given.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCustomer } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../clock.js";
import { readConfig } from "../../config.js";
import { exited, SERVER_MAIN, type ServerProcess, startServerProcess } from "../../testing/server-process.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { createAgent } from "../agents/service.js";
import { issueApiToken } from "../auth/service.js";
import { createCase } from "../cases/service.js";

const EMAILS = 60;
const API_CALLS = 60;
/** Acknowledgements (of both kinds) before the kill. */
const KILL_AFTER_ACKS = 40;
const SENDERS = 4;
/** Short, so API keys claimed by the killed server are free again soon after the restart. */
const LEASE_SECONDS = 2;

const mail = (i: number) => ({
  from: `customer${i % 7}@example.com`,
  to: "support@keel.localhost",
  subject: `Problem number ${i}`,
  text: `This is message ${i}. It still does not work.`,
  messageId: `<durable-${i}@example.com>`,
});

/** A stalled exchange fails within seconds with the server's output, instead of waiting on nodemailer's 10 minutes. */
const smtpTransport = (port: number) =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });

const apiBody = (i: number) => ({
  direction: "inbound",
  channel: "api",
  contact: { kind: "email", value: `caller${i % 5}@example.com` },
  body: `API message ${i}: the invoice is still wrong.`,
});

async function postMessage(server: ServerProcess, caseId: string, token: string, i: number) {
  const response = await fetch(`${server.httpUrl}/api/v1/cases/${caseId}/messages`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "idempotency-key": `durable-api-${i}`,
    },
    body: JSON.stringify(apiBody(i)),
    signal: AbortSignal.timeout(20_000),
  });
  const payload = (await response.json()) as { message?: { id: string } };
  return {
    status: response.status,
    messageId: payload.message?.id,
    replayed: response.headers.has("idempotent-replayed"),
  };
}

describe.each(backends())("durability on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let dataDir = "";
  let running: ServerProcess | undefined;
  beforeAll(async () => {
    // The server migrates the database itself, as on a first start.
    t = await createTestDatabase(backend, { migrate: false });
    dataDir = mkdtempSync(join(tmpdir(), "keel-durability-"));
  });
  afterAll(async () => {
    running?.child.kill("SIGKILL");
    if (running) await exited(running.child);
    await t?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    DATABASE_URL: t.url,
    KEEL_DATA_DIR: dataDir,
    KEEL_SECRET: "durability-secret-durability-secret-0000",
    KEEL_IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
  });

  it.skipIf(!existsSync(SERVER_MAIN))(
    "keeps every acknowledged message exactly once across a SIGKILL",
    // Two server starts (the first migrates a fresh database) and two streams; minutes only on a machine under heavy load.
    { timeout: 240_000 },
    async () => {
      const first = await startServerProcess(env());
      running = first;
      const said = () => `\nserver output:\n${running?.output() ?? ""}`;

      // An agent with an API token and a case to post to, written straight into the server's database.
      const deps = {
        db: t.db,
        clock: systemClock,
        config: readConfig({ KEEL_SECRET: env().KEEL_SECRET }),
        jobs: new RecordingJobs(),
      };
      const agent = await createAgent(
        deps,
        { email: "durable@test.keel", name: "Durable", role: "agent", password: "durable durable durable" },
        { kind: "system", id: null },
      );
      if (!agent.ok) throw new Error(agent.error.message);
      const token = await issueApiToken(deps, agent.value.id, "durability");
      if (!token.ok) throw new Error(token.error.message);
      const customer = await createCustomer(t.db, { name: "Durable customer" });
      const kase = await createCase(deps, { subject: "Invoice", customerId: customer.id });
      if (!kase.ok) throw new Error(kase.error.message);
      const caseId = kase.value.id;
      const bearer = token.value.token;

      const ackedEmails = new Set<number>();
      const ackedCalls = new Map<number, string>();
      let killed = false;
      const acks = () => ackedEmails.size + ackedCalls.size;
      const killWhenDue = () => {
        if (!killed && acks() >= KILL_AFTER_ACKS) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      };
      const transport = smtpTransport(first.smtpPort);
      let nextEmail = 0;
      let nextCall = 0;
      const emailSender = async () => {
        while (!killed && nextEmail < EMAILS) {
          const i = nextEmail++;
          try {
            await transport.sendMail(mail(i));
            ackedEmails.add(i);
            killWhenDue();
          } catch {
            // Refused or cut off by the kill: not acknowledged, so it is sent again after the restart.
          }
        }
      };
      const apiCaller = async () => {
        while (!killed && nextCall < API_CALLS) {
          const i = nextCall++;
          try {
            const answer = await postMessage(first, caseId, bearer, i);
            if (answer.status === 201 && answer.messageId) ackedCalls.set(i, answer.messageId);
            killWhenDue();
          } catch {
            // Cut off by the kill: retried after the restart.
          }
        }
      };
      await Promise.all([
        ...Array.from({ length: SENDERS }, emailSender),
        ...Array.from({ length: SENDERS }, apiCaller),
      ]);
      if (!killed) first.child.kill("SIGKILL");
      await exited(first.child);
      expect(killed, `only ${acks()} acknowledgements before the streams ended${said()}`).toBe(true);

      const second = await startServerProcess(env());
      running = second;
      const retry = smtpTransport(second.smtpPort);
      // Resend every email, acknowledged or not, as a sending server unsure of what arrived would.
      for (let i = 0; i < EMAILS; i += SENDERS) {
        await Promise.all(
          Array.from({ length: Math.min(SENDERS, EMAILS - i) }, (_, k) => retry.sendMail(mail(i + k))),
        ).catch((error: Error) => {
          throw new Error(`resending email failed: ${error.message}${said()}`);
        });
      }
      // Retry every API call with its key. A key claimed by the killed server is busy until its lease ends.
      const firstAnswers = new Map<number, string>();
      const retryCall = async (i: number) => {
        let answer = await postMessage(second, caseId, bearer, i);
        for (let wait = 0; answer.status === 409 && wait < 4; wait++) {
          await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000));
          answer = await postMessage(second, caseId, bearer, i);
        }
        expect(answer.status, `API call ${i} after the restart${said()}`).toBe(201);
        if (answer.messageId) firstAnswers.set(i, answer.messageId);
      };
      for (let i = 0; i < API_CALLS; i += SENDERS) {
        await Promise.all(
          Array.from({ length: Math.min(SENDERS, API_CALLS - i) }, (_, k) => retryCall(i + k)),
        );
      }

      const emails = await t.db
        .selectFrom("messages")
        .select(["external_message_id"])
        .where("external_message_id", "like", "durable-%")
        .execute();
      const perEmail = new Map<string, number>();
      for (const row of emails) {
        const id = row.external_message_id ?? "";
        perEmail.set(id, (perEmail.get(id) ?? 0) + 1);
      }
      for (const i of ackedEmails) expect(perEmail.get(`durable-${i}@example.com`), `email ${i}`).toBe(1);
      expect([...perEmail.values()].every((n) => n === 1)).toBe(true);
      expect(emails).toHaveLength(EMAILS);
      expect(await t.db.selectFrom("cases").select("id").execute()).toHaveLength(EMAILS + 1);

      const calls = await t.db
        .selectFrom("messages")
        .select(["id", "body"])
        .where("case_id", "=", caseId)
        .execute();
      const byBody = new Map<string, string[]>();
      for (const row of calls) byBody.set(row.body, [...(byBody.get(row.body) ?? []), row.id]);
      for (let i = 0; i < API_CALLS; i++) {
        const stored = byBody.get(apiBody(i).body) ?? [];
        expect(stored, `API message ${i}`).toHaveLength(1);
        expect(firstAnswers.get(i)).toBe(stored[0]);
        const acked = ackedCalls.get(i);
        if (acked !== undefined)
          expect(stored[0], `API message ${i} was acknowledged before the kill`).toBe(acked);
      }
      expect(calls).toHaveLength(API_CALLS);

      second.child.kill("SIGTERM");
      await exited(second.child);
      running = undefined;
    },
  );
});
