/** @module The escalation rules as JSON: when a case goes to the supervisor queue. Saved as a new version. */
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { dateTime } from "../ui/format.js";
import { escalationRules, type RuleSetDto, saveEscalationRules } from "./api.js";

export function EscalationRulesSection() {
  const [ruleSet, setRuleSet] = useState<RuleSetDto | null>(null);
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();

  const load = useCallback(async () => {
    const result = await escalationRules();
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setRuleSet(result.data);
    setText(JSON.stringify(result.data.rules, null, 2));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch {
      return setMessage({ error: true, text: "The rules are not valid JSON." });
    }
    const result = await saveEscalationRules(rules, ruleSet?.version ?? 0);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setRuleSet(result.data);
    setText(JSON.stringify(result.data.rules, null, 2));
    setMessage({ error: false, text: `Saved as version ${result.data.version}.` });
  };

  return (
    <form className="card" aria-labelledby={`${id}-title`} id="escalation" onSubmit={(e) => void save(e)}>
      <h2 id={`${id}-title`}>Escalation rules</h2>
      <p className="muted">
        Each rule names the conditions under which a case goes to the supervisor queue (or the agent is
        advised to escalate), and the priority it gets.
        {ruleSet
          ? ` In force: version ${ruleSet.version}${ruleSet.version === 0 ? " (built-in defaults)" : ""}.`
          : ""}
        {ruleSet?.createdAt ? ` Saved ${dateTime(ruleSet.createdAt)}.` : ""}
      </p>
      <label htmlFor={`${id}-rules`}>Rules (JSON)</label>
      <textarea
        id={`${id}-rules`}
        className="code"
        rows={16}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" className="button-primary">
        Save escalation rules
      </button>
    </form>
  );
}
