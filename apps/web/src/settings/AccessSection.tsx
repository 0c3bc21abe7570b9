/** @module API tokens (your own; each shown once) and webhooks (signed event deliveries; the secret shown once). */
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { dateTime } from "../ui/format.js";
import {
  createToken,
  createWebhook,
  deleteWebhook,
  listTokens,
  listWebhooks,
  revokeToken,
  type TokenDto,
  WEBHOOK_EVENTS,
  type WebhookDto,
} from "./api.js";

export function AccessSection() {
  const [tokens, setTokens] = useState<TokenDto[]>([]);
  const [hooks, setHooks] = useState<WebhookDto[]>([]);
  const [shown, setShown] = useState<{ label: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tokenName, setTokenName] = useState("");
  const [hookUrl, setHookUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["case.created", "case.escalated"]);
  const id = useId();

  const load = useCallback(async () => {
    const [t, w] = await Promise.all([listTokens(), listWebhooks()]);
    if (t.ok) setTokens(t.data.tokens);
    if (w.ok) setHooks(w.data.webhooks);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const addToken = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createToken(tokenName);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setShown({ label: `API token “${result.data.name}”`, secret: result.data.token });
    setTokenName("");
    await load();
  };
  const addHook = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createWebhook(hookUrl, events);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setShown({ label: `Signing secret for ${result.data.url}`, secret: result.data.secret });
    setHookUrl("");
    await load();
  };
  const run = async (action: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await action;
    setError(result.ok ? null : (result.error?.message ?? "That did not work."));
    await load();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} id="access">
      <h2 id={`${id}-title`}>API tokens and webhooks</h2>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {shown ? (
        <p className="notice" role="status">
          {shown.label} (shown once, copy it now): <code>{shown.secret}</code>
        </p>
      ) : null}
      <h3>Your API tokens</h3>
      <ul className="plain-list">
        {tokens.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong>{" "}
            <span className="muted">
              created {dateTime(t.createdAt)}
              {t.lastUsedAt ? ` · last used ${dateTime(t.lastUsedAt)}` : " · never used"}
              {t.revokedAt ? ` · revoked ${dateTime(t.revokedAt)}` : ""}
            </span>{" "}
            {t.revokedAt ? null : (
              <button type="button" onClick={() => void run(revokeToken(t.id))}>
                Revoke {t.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void addToken(e)} className="row-form">
        <label htmlFor={`${id}-token`}>New token name</label>
        <input id={`${id}-token`} required value={tokenName} onChange={(e) => setTokenName(e.target.value)} />
        <button type="submit">Create token</button>
      </form>
      <h3>Webhooks</h3>
      <ul className="plain-list">
        {hooks.map((h) => (
          <li key={h.id}>
            <code>{h.url}</code> <span className="muted">{h.events.join(", ")}</span>{" "}
            <button type="button" onClick={() => void run(deleteWebhook(h.id))}>
              Remove webhook
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void addHook(e)} className="inline-form" aria-label="Add a webhook">
        <label htmlFor={`${id}-url`}>Webhook URL</label>
        <input
          id={`${id}-url`}
          type="url"
          required
          placeholder="https://example.com/keel-events"
          value={hookUrl}
          onChange={(e) => setHookUrl(e.target.value)}
        />
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="check">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, event] : events.filter((x) => x !== event))
                }
              />{" "}
              {event}
            </label>
          ))}
        </fieldset>
        <button type="submit">Add webhook</button>
      </form>
    </section>
  );
}
