/** @module Email channel settings from the environment: the inbound port, the outbound relay, optional IMAP. */

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
