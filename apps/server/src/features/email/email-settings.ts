/**
 * @module Email channel settings from the environment: the inbound port and how it is guarded (STARTTLS, AUTH,
 * accepted recipients, size and connection limits), the outbound relay, optional IMAP. A setting that cannot work
 * (a certificate without its key, AUTH that could never be used) stops the start with a message naming it.
 */
import { readFileSync } from "node:fs";
import { MAX_EMAIL_BYTES } from "./receive-email.js";

export interface EmailSettings {
  /** Port of the built-in SMTP receiver; undefined: not started. */
  smtpPort: number | undefined;
  smtpHost: string;
  /** Outbound relay as a nodemailer URL (`smtp://user:pass@mail.example.com:587`); undefined: replies are not mailed. */
  relayUrl: string | undefined;
  /** The desk's address replies come from. */
  fromAddress: string;
  /** The domain in Message-IDs Keel generates. */
  messageIdDomain: string;
  imap: ImapSettings | undefined;
}

/** Who may hand the SMTP receiver mail, and how much. */
export interface SmtpGuards {
  /** Offer STARTTLS with this certificate and key (PEM, read from the files named in the environment). */
  tls: { cert: Buffer; key: Buffer } | undefined;
  /** Require AUTH (PLAIN or LOGIN) with these credentials; undefined: no AUTH, anyone may send. */
  auth: { user: string; password: string } | undefined;
  /** Allow AUTH on a connection that has not started TLS (the password then crosses the network in clear). */
  allowInsecureAuth: boolean;
  /** Accepted recipients: whole addresses (`help@shop.example`) or domains (`shop.example`); empty: any. */
  recipients: string[];
  /** Largest message accepted, announced in the SIZE extension. */
  maxBytes: number;
  /** Most connections served at once; more are answered 421. */
  maxConnections: number;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  pollSeconds: number;
}

const numberOr = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) ? n : fallback;
};

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number => {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, not "${value}"`);
  }
  return n;
};

function readPem(env: NodeJS.ProcessEnv, name: string): Buffer {
  const path = env[name] ?? "";
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${name}: cannot read ${path} (${(error as Error).message})`);
  }
}

/** The receiver's guards; throws with the variable's name when a setting cannot work. */
export function readSmtpGuards(env: NodeJS.ProcessEnv = process.env): SmtpGuards {
  const certPath = env.KEEL_SMTP_TLS_CERT || undefined;
  const keyPath = env.KEEL_SMTP_TLS_KEY || undefined;
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new Error("KEEL_SMTP_TLS_CERT and KEEL_SMTP_TLS_KEY go together: set both (PEM files) or neither");
  }
  const tls = certPath
    ? { cert: readPem(env, "KEEL_SMTP_TLS_CERT"), key: readPem(env, "KEEL_SMTP_TLS_KEY") }
    : undefined;
  const user = env.KEEL_SMTP_USER || undefined;
  const password = env.KEEL_SMTP_PASSWORD || undefined;
  if ((user === undefined) !== (password === undefined)) {
    throw new Error("KEEL_SMTP_USER and KEEL_SMTP_PASSWORD go together: set both or neither");
  }
  const allowInsecureAuth = env.KEEL_SMTP_ALLOW_INSECURE_AUTH === "true";
  if (user && !tls && !allowInsecureAuth) {
    throw new Error(
      "KEEL_SMTP_USER needs TLS so the password is not sent in clear: set KEEL_SMTP_TLS_CERT and KEEL_SMTP_TLS_KEY, " +
        "or KEEL_SMTP_ALLOW_INSECURE_AUTH=true on a trusted network",
    );
  }
  const recipients = (env.KEEL_SMTP_RECIPIENTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase().replace(/^@/, ""))
    .filter((entry) => entry !== "");
  const malformed = recipients.find((entry) => !/^([^@\s]+@)?[^@\s]+$/.test(entry));
  if (malformed !== undefined) {
    throw new Error(`KEEL_SMTP_RECIPIENTS: "${malformed}" is neither an address nor a domain`);
  }
  return {
    tls,
    auth: user && password ? { user, password } : undefined,
    allowInsecureAuth,
    recipients,
    maxBytes: positiveInteger(env, "KEEL_SMTP_MAX_BYTES", MAX_EMAIL_BYTES, MAX_EMAIL_BYTES),
    maxConnections: positiveInteger(env, "KEEL_SMTP_MAX_CONNECTIONS", 100, 10_000),
  };
}

export function readEmailSettings(env: NodeJS.ProcessEnv = process.env): EmailSettings {
  const fromAddress = env.KEEL_MAIL_FROM ?? "support@keel.localhost";
  const imapHost = env.KEEL_IMAP_HOST;
  return {
    smtpPort:
      env.KEEL_SMTP_PORT === undefined || env.KEEL_SMTP_PORT === "" ? undefined : Number(env.KEEL_SMTP_PORT),
    smtpHost: env.KEEL_SMTP_HOST ?? "127.0.0.1",
    relayUrl: env.KEEL_SMTP_RELAY_URL || undefined,
    fromAddress,
    messageIdDomain: fromAddress.split("@")[1] ?? "keel.localhost",
    imap:
      imapHost && env.KEEL_IMAP_USER && env.KEEL_IMAP_PASSWORD
        ? {
            host: imapHost,
            port: numberOr(env.KEEL_IMAP_PORT, 993),
            secure: env.KEEL_IMAP_SECURE !== "false",
            user: env.KEEL_IMAP_USER,
            password: env.KEEL_IMAP_PASSWORD,
            mailbox: env.KEEL_IMAP_MAILBOX ?? "INBOX",
            pollSeconds: numberOr(env.KEEL_IMAP_POLL_SECONDS, 60),
          }
        : undefined,
  };
}
