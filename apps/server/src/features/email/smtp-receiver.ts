/**
 * @module The built-in SMTP receiver: accepts mail for the desk and answers 250 only once the message is
 * committed; a failure to store it answers 451 so the sending server retries later. Optionally guarded: STARTTLS
 * with the desk's certificate, AUTH (PLAIN/LOGIN, over TLS unless allowed otherwise), a recipient allow-list
 * (others get 550), a size limit announced with SIZE and enforced, and a cap on simultaneous connections.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { Result } from "../../service-result.js";
import type { SmtpGuards } from "./email-settings.js";
import { MAX_EMAIL_BYTES } from "./receive-email.js";

export interface SmtpReceiverOptions {
  port: number;
  host?: string;
  /** Stores one raw message; resolves after it is committed. */
  deliver(raw: string): Promise<Result<unknown>>;
  onError?: (error: Error) => void;
  /** Unset: no TLS, no AUTH, any recipient, 25 MB, 100 connections. */
  guards?: Partial<SmtpGuards>;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode?: number };

const smtpError = (message: string, responseCode: number): SmtpError =>
  Object.assign(new Error(message), { responseCode });

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** Whether an address is on the allow-list (by whole address or by its domain); an empty list accepts all. */
export function recipientAllowed(address: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const lower = address.trim().toLowerCase();
  const domain = lower.slice(lower.lastIndexOf("@") + 1);
  return allowed.some((entry) => (entry.includes("@") ? entry === lower : entry === domain));
}

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const guards = options.guards ?? {};
  const maxBytes = guards.maxBytes ?? MAX_EMAIL_BYTES;
  const recipients = guards.recipients ?? [];
  const auth = guards.auth;
  const disabledCommands = [...(guards.tls ? [] : ["STARTTLS"]), ...(auth ? [] : ["AUTH"])];
  const tlsOptions: Partial<SMTPServerOptions> = guards.tls
    ? { key: guards.tls.key, cert: guards.tls.cert, secure: false }
    : {};
  const server = new SMTPServer({
    ...tlsOptions,
    disabledCommands,
    authOptional: auth === undefined,
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: guards.allowInsecureAuth ?? false,
    size: maxBytes,
    maxClients: guards.maxConnections ?? 100,
    logger: false,
    banner: "Keel desk",
    onAuth(credentials, _session, callback) {
      const valid =
        auth !== undefined &&
        (credentials.method === "PLAIN" || credentials.method === "LOGIN") &&
        sameSecret(credentials.username ?? "", auth.user) &&
        sameSecret(credentials.password ?? "", auth.password);
      if (!valid) return callback(smtpError("Invalid username or password", 535));
      callback(null, { user: auth.user });
    },
    onRcptTo(address, _session, callback) {
      if (recipientAllowed(address.address, recipients)) return callback();
      callback(smtpError(`<${address.address}>: this desk does not accept mail for this address`, 550));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is only counted, never held in memory.
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > maxBytes) {
          callback(smtpError(`Message too large: the limit is ${maxBytes} bytes`, 552));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        options.deliver(raw).then(
          (stored) => {
            if (stored.ok) return callback();
            // A message we can never read is refused for good; anything else may pass on a retry.
            const permanent =
              stored.error.code === "unprocessable" || stored.error.code === "validation_failed";
            callback(smtpError(stored.error.message, permanent ? 554 : 451));
          },
          (error: Error) => {
            options.onError?.(error);
            callback(smtpError("Temporary failure storing the message, try again later", 451));
          },
        );
      });
    },
  });
  server.on("error", (error) => options.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
