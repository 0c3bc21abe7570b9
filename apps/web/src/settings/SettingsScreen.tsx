/**
 * @module Settings (admin): agents and teams, every desk setting the server registers (follow-up delay, abuse
 * policy, wellbeing, acknowledgments…), escalation rules, API tokens and webhooks.
 */
import { useCallback, useEffect, useState } from "react";
import { AccessSection } from "./AccessSection.js";
import { AgentsSection } from "./AgentsSection.js";
import { listSettings, type SettingDto } from "./api.js";
import { EscalationRulesSection } from "./EscalationRulesSection.js";
import { SettingCard } from "./SettingCard.js";
import "./settings.css";

/** Configured when Keel starts rather than here, until the server registers them as settings. */
const FROM_ENVIRONMENT = [
  {
    key: "sla",
    title: "SLA targets",
    text: "First-response and resolution hours per priority come from KEEL_SLA_TARGETS when Keel starts (defaults: urgent 1 h / 8 h, high 4 h / 24 h, normal 8 h / 72 h, low 24 h / 120 h).",
  },
  {
    key: "email",
    title: "Email",
    text: "The SMTP receiver (KEEL_SMTP_PORT), the outbound relay, the from address and IMAP polling are set in the environment; see the email README.",
  },
];

export default function SettingsScreen() {
  const [settings, setSettings] = useState<SettingDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await listSettings();
    if (result.ok) setSettings(result.data.settings);
    else setError(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const keys = new Set(settings?.map((s) => s.key) ?? []);
  return (
    <main id="main" className="page settings">
      <h1>Settings</h1>
      <nav aria-label="Settings sections" className="settings-nav">
        <a href="#agents">Agents and teams</a>
        <a href="#desk-settings">Desk settings</a>
        <a href="#escalation">Escalation rules</a>
        <a href="#access">API tokens and webhooks</a>
      </nav>
      <AgentsSection />
      <section aria-labelledby="desk-settings-title" id="desk-settings">
        <h2 id="desk-settings-title">Desk settings</h2>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="settings-grid">
          {settings?.map((setting) => (
            <SettingCard
              key={setting.key}
              setting={setting}
              onSaved={(saved) =>
                setSettings((all) => all?.map((s) => (s.key === saved.key ? saved : s)) ?? null)
              }
            />
          ))}
          {FROM_ENVIRONMENT.filter((e) => settings !== null && !keys.has(e.key)).map((e) => (
            <div key={e.key} className="card setting">
              <h3>{e.title}</h3>
              <p className="muted">{e.text}</p>
            </div>
          ))}
        </div>
      </section>
      <EscalationRulesSection />
      <AccessSection />
    </main>
  );
}
