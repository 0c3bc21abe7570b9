/**
 * @module Starting the channels with the server: the SMTP receiver, IMAP polling, the in-process workers and the
 * periodic SLA check. `startChannels` returns what `stopChannels` needs.
 */
import type { AppDeps } from "../../deps.js";
import { registerWorkers } from "../../jobs/index.js";
import { startPeriodicChecks } from "../../jobs/periodic.js";
import { readEmailSettings, readSmtpGuards } from "./email-settings.js";
import { startImapPolling } from "./imap-poller.js";
import { receiveEmail } from "./receive-email.js";
import { type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

export interface Channels {
  smtp: SmtpReceiver | undefined;
  stop(): Promise<void>;
}

export async function startChannels(
  deps: AppDeps,
  log: (line: string) => void = (line) => console.error(line),
  env: NodeJS.ProcessEnv = process.env,
): Promise<Channels> {
  const settings = readEmailSettings(env);
  const deliver = (raw: string) => receiveEmail(deps, raw);
  const smtp =
    settings.smtpPort === undefined
      ? undefined
      : await startSmtpReceiver({
          port: settings.smtpPort,
          host: settings.smtpHost,
          guards: readSmtpGuards(env),
          deliver,
          onError: (error) => log(`smtp: ${error.message}`),
        });
  if (smtp) log(`Receiving email on SMTP port ${smtp.port}`);
  const imap = settings.imap ? startImapPolling(settings.imap, deliver, log) : undefined;
  if (deps.config.KEEL_WORKERS_IN_PROCESS === "true") await registerWorkers(deps, settings, log);
  const stopPeriodic = startPeriodicChecks(deps.jobs, log);
  return {
    smtp,
    stop: async () => {
      stopPeriodic();
      imap?.stop();
      await smtp?.close();
    },
  };
}

export async function stopChannels(channels: Channels | undefined): Promise<void> {
  await channels?.stop();
}
