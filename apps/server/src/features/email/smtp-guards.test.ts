/**
 * @module The SMTP receiver's guards over real connections on localhost: STARTTLS with a certificate made for the
 * test, AUTH (only over TLS unless allowed), the recipient allow-list, the announced and enforced size limit, the
 * connection cap; and the settings that configure them, wired through startChannels on every backend.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, createTestDatabase } from "@keel/db/testing";
import nodemailer from "nodemailer";
import { generate } from "selfsigned";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { readConfig } from "../../config.js";
import { success } from "../../service-result.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { readSmtpGuards, type SmtpGuards } from "./email-settings.js";
import { startChannels } from "./index.js";
import { recipientAllowed, type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

let certDir: string;
let certPem: string;
const env: Record<string, string> = {};

beforeAll(async () => {
  const made = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
  });
  certPem = made.cert;
  certDir = await mkdtemp(join(tmpdir(), "keel-smtp-tls-"));
  env.KEEL_SMTP_TLS_CERT = join(certDir, "cert.pem");
  env.KEEL_SMTP_TLS_KEY = join(certDir, "key.pem");
  await writeFile(env.KEEL_SMTP_TLS_CERT, made.cert);
  await writeFile(env.KEEL_SMTP_TLS_KEY, made.private);
});
afterAll(async () => {
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

const mail = (to = "help@shop.example", text = "My order never arrived.") => ({
  from: "dana@example.com",
  to,
  subject: "Order",
  text,
});

/** The server's greeting and, unless it turned the connection away, its answer to EHLO, over a plain connection. */
function greetingAndEhlo(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let greeted = false;
    socket.on("data", (chunk) => {
      text += chunk.toString();
      if (!greeted && text.endsWith("\r\n")) {
        greeted = true;
        if (text.startsWith("421")) {
          socket.destroy();
          return resolve(text);
        }
        socket.write("EHLO test.example\r\n");
      } else if (/^250 .*\r\n$/m.test(text)) {
        socket.end("QUIT\r\n");
        resolve(text);
      }
    });
    socket.on("error", reject);
  });
}

describe("readSmtpGuards", () => {
  it("reads TLS, AUTH, recipients and limits, with defaults for what is unset", () => {
    expect(readSmtpGuards({})).toEqual({
      tls: undefined,
      auth: undefined,
      allowInsecureAuth: false,
      recipients: [],
      maxBytes: 25 * 1024 * 1024,
      maxConnections: 100,
    });
    const guards = readSmtpGuards({
      ...env,
      KEEL_SMTP_USER: "relay",
      KEEL_SMTP_PASSWORD: "s3cret",
      KEEL_SMTP_RECIPIENTS: " Help@Shop.example , @support.example,orders.example",
      KEEL_SMTP_MAX_BYTES: "1000000",
      KEEL_SMTP_MAX_CONNECTIONS: "20",
    });
    expect(guards.tls?.cert.toString()).toContain("BEGIN CERTIFICATE");
    expect(guards).toMatchObject({
      auth: { user: "relay", password: "s3cret" },
      recipients: ["help@shop.example", "support.example", "orders.example"],
      maxBytes: 1_000_000,
      maxConnections: 20,
    });
  });

  it("refuses settings that cannot work, naming the variable", () => {
    const cert = env.KEEL_SMTP_TLS_CERT ?? "";
    expect(() => readSmtpGuards({ KEEL_SMTP_TLS_CERT: cert })).toThrow(/KEEL_SMTP_TLS_KEY/);
    expect(() => readSmtpGuards({ KEEL_SMTP_TLS_CERT: "/nope.pem", KEEL_SMTP_TLS_KEY: "/nope.key" })).toThrow(
      /KEEL_SMTP_TLS_CERT: cannot read \/nope.pem/,
    );
    expect(() => readSmtpGuards({ KEEL_SMTP_USER: "relay" })).toThrow(/KEEL_SMTP_PASSWORD/);
    expect(() => readSmtpGuards({ KEEL_SMTP_USER: "relay", KEEL_SMTP_PASSWORD: "x" })).toThrow(/needs TLS/);
    expect(
      readSmtpGuards({
        KEEL_SMTP_USER: "relay",
        KEEL_SMTP_PASSWORD: "x",
        KEEL_SMTP_ALLOW_INSECURE_AUTH: "true",
      }).auth,
    ).toEqual({ user: "relay", password: "x" });
    expect(() => readSmtpGuards({ KEEL_SMTP_MAX_BYTES: "lots" })).toThrow(/KEEL_SMTP_MAX_BYTES/);
    expect(() => readSmtpGuards({ KEEL_SMTP_MAX_BYTES: String(26 * 1024 * 1024) })).toThrow(
      /KEEL_SMTP_MAX_BYTES/,
    );
    expect(() => readSmtpGuards({ KEEL_SMTP_MAX_CONNECTIONS: "0" })).toThrow(/KEEL_SMTP_MAX_CONNECTIONS/);
    expect(() => readSmtpGuards({ KEEL_SMTP_RECIPIENTS: "a@b@c" })).toThrow(/KEEL_SMTP_RECIPIENTS/);
  });
});

describe("recipientAllowed", () => {
  it("matches whole addresses and whole domains, in any case; an empty list accepts all", () => {
    const list = ["help@shop.example", "support.example"];
    expect(recipientAllowed("HELP@shop.example", list)).toBe(true);
    expect(recipientAllowed("anyone@support.example", list)).toBe(true);
    expect(recipientAllowed("sales@shop.example", list)).toBe(false);
    expect(recipientAllowed("x@evil-support.example", list)).toBe(false);
    expect(recipientAllowed("x@sub.support.example", list)).toBe(false);
    expect(recipientAllowed("anyone@anywhere.example", [])).toBe(true);
  });
});

describe("SMTP receiver guards", () => {
  let receiver: SmtpReceiver | undefined;
  const received: string[] = [];
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    received.length = 0;
  });

  const start = async (guards: Partial<SmtpGuards>) => {
    receiver = await startSmtpReceiver({
      port: 0,
      guards,
      deliver: async (raw) => {
        received.push(raw);
        return success(undefined);
      },
    });
    return receiver.port;
  };
  const tlsGuards = () => readSmtpGuards(env);

  it("offers STARTTLS with the configured certificate and takes AUTH only after it", async () => {
    const port = await start({ ...tlsGuards(), auth: { user: "relay", password: "s3cret" } });
    const secured = nodemailer.createTransport({
      host: "localhost",
      port,
      requireTLS: true,
      tls: { ca: certPem },
      auth: { user: "relay", pass: "s3cret" },
    });
    await secured.sendMail(mail());
    expect(received).toHaveLength(1);

    const login = nodemailer.createTransport({
      host: "localhost",
      port,
      requireTLS: true,
      tls: { ca: certPem },
      authMethod: "LOGIN",
      auth: { user: "relay", pass: "s3cret" },
    });
    await login.sendMail(mail());
    expect(received).toHaveLength(2);

    const wrong = nodemailer.createTransport({
      host: "localhost",
      port,
      requireTLS: true,
      tls: { ca: certPem },
      auth: { user: "relay", pass: "guess" },
    });
    await expect(wrong.sendMail(mail())).rejects.toMatchObject({ responseCode: 535 });

    const inClear = nodemailer.createTransport({
      host: "localhost",
      port,
      ignoreTLS: true,
      auth: { user: "relay", pass: "s3cret" },
    });
    await expect(inClear.sendMail(mail())).rejects.toMatchObject({ responseCode: 538 });

    const anonymous = nodemailer.createTransport({
      host: "localhost",
      port,
      requireTLS: true,
      tls: { ca: certPem },
    });
    await expect(anonymous.sendMail(mail())).rejects.toMatchObject({ responseCode: 530 });
    expect(received).toHaveLength(2);
  });

  it("takes AUTH without TLS when insecure AUTH is allowed", async () => {
    const port = await start({ auth: { user: "relay", password: "s3cret" }, allowInsecureAuth: true });
    const transport = (pass: string) =>
      nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true, auth: { user: "relay", pass } });
    await transport("s3cret").sendMail(mail());
    await expect(transport("guess").sendMail(mail())).rejects.toMatchObject({ responseCode: 535 });
    expect(received).toHaveLength(1);
  });

  it("answers 550 for recipients off the allow-list and delivers to the rest", async () => {
    const port = await start({ recipients: ["help@shop.example", "support.example"] });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true });
    await expect(transport.sendMail(mail("someone@elsewhere.example"))).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(received).toHaveLength(0);
    const mixed = await transport.sendMail(mail("help@shop.example, a@support.example, b@elsewhere.example"));
    expect(mixed.accepted).toEqual(["help@shop.example", "a@support.example"]);
    expect(mixed.rejected).toEqual(["b@elsewhere.example"]);
    expect(received).toHaveLength(1);
  });

  it("announces its size limit and refuses a larger message with 552", async () => {
    const port = await start({ maxBytes: 2000 });
    expect(await greetingAndEhlo(port)).toMatch(/^250[- ]SIZE 2000\r$/m);
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true });
    await transport.sendMail(mail(undefined, "short"));
    await expect(transport.sendMail(mail(undefined, "x".repeat(5000)))).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(received).toHaveLength(1);
  });

  it("serves at most the configured number of connections at once", async () => {
    const port = await start({ maxConnections: 2 });
    const held = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(port, "127.0.0.1");
            socket.once("data", () => resolve(socket));
          }),
      ),
    );
    try {
      expect(await greetingAndEhlo(port)).toMatch(/^421 /);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

describe.each(backends())("guarded SMTP through startChannels on %s PostgreSQL", (backend) => {
  it("takes authenticated mail over STARTTLS for an allowed recipient and stores it", async () => {
    const t = await createTestDatabase(backend);
    const channels = await startChannels(
      {
        db: t.db,
        clock: new ManualClock(),
        config: readConfig({
          KEEL_SECRET: "channels-secret-channels-secret-0000000",
          KEEL_WORKERS_IN_PROCESS: "false",
        }),
        jobs: new RecordingJobs(),
      },
      () => undefined,
      {
        ...env,
        KEEL_SMTP_PORT: "0",
        KEEL_SMTP_USER: "relay",
        KEEL_SMTP_PASSWORD: "s3cret",
        KEEL_SMTP_RECIPIENTS: "shop.example",
      },
    );
    try {
      const transport = nodemailer.createTransport({
        host: "localhost",
        port: channels.smtp?.port ?? 0,
        requireTLS: true,
        tls: { ca: certPem },
        auth: { user: "relay", pass: "s3cret" },
      });
      await transport.sendMail({ ...mail(), messageId: "<guarded-1@example.com>" });
      await expect(transport.sendMail(mail("x@other.example"))).rejects.toMatchObject({ responseCode: 550 });
      const stored = await t.db.selectFrom("messages").select("external_message_id").execute();
      expect(stored).toEqual([{ external_message_id: "guarded-1@example.com" }]);
    } finally {
      await channels.stop();
      await t.drop();
    }
  });
});
