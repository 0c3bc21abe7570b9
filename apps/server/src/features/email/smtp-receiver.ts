/**
 * @module The built-in SMTP receiver: accepts mail for the desk and answers 250 only once the message is
 * committed; a failure to store it answers 451 so the sending server retries later.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Result } from "../../service-result.js";
import { MAX_EMAIL_BYTES } from "./receive-email.js";

export interface SmtpReceiverOptions {
  port: number;
  host?: string;
  /** Stores one raw message; resolves after it is committed. */
  deliver(raw: string): Promise<Result<unknown>>;
  onError?: (error: Error) => void;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode?: number };

const smtpError = (message: string, responseCode: number): SmtpError =>
  Object.assign(new Error(message), { responseCode });

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_EMAIL_BYTES,
    logger: false,
    banner: "Keel desk",
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(smtpError("Message too large", 552));
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
