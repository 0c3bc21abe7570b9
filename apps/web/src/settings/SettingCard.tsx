/**
 * @module One admin setting as a form: numbers, switches and text as plain fields, anything nested as JSON. Saving
 * sends the whole value; the server validates it and answers what to fix, and keeps the earlier version.
 */
import { type FormEvent, useId, useState } from "react";
import { dateTime } from "../ui/format.js";
import { type SettingDto, saveSetting } from "./api.js";

type Field =
  | { name: string; kind: "number"; text: string }
  | { name: string; kind: "boolean"; on: boolean }
  | { name: string; kind: "text"; text: string }
  | { name: string; kind: "json"; text: string };

/** "delayDays" → "Delay days". */
export const humanise = (key: string) => {
  const words = key
    .replaceAll(/[_.]/g, " ")
    .replaceAll(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function fieldsOf(value: unknown): Field[] {
  if (!isRecord(value)) return [{ name: "", kind: "json", text: JSON.stringify(value, null, 2) }];
  return Object.entries(value).map(([name, v]): Field => {
    if (typeof v === "number") return { name, kind: "number", text: String(v) };
    if (typeof v === "boolean") return { name, kind: "boolean", on: v };
    if (typeof v === "string") return { name, kind: "text", text: v };
    return { name, kind: "json", text: JSON.stringify(v, null, 2) };
  });
}

/** The value the fields describe, or which field is not valid JSON. */
export function valueFromFields(
  fields: Field[],
): { ok: true; value: unknown } | { ok: false; message: string } {
  const parse = (field: Field & { kind: "json" }) => {
    try {
      return { ok: true as const, value: JSON.parse(field.text) as unknown };
    } catch {
      return { ok: false as const, message: `${humanise(field.name) || "The value"} is not valid JSON.` };
    }
  };
  const [only] = fields;
  if (fields.length === 1 && only?.kind === "json" && only.name === "") return parse(only);
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === "number") value[field.name] = field.text.trim() === "" ? null : Number(field.text);
    else if (field.kind === "boolean") value[field.name] = field.on;
    else if (field.kind === "text") value[field.name] = field.text;
    else {
      const parsed = parse(field);
      if (!parsed.ok) return parsed;
      value[field.name] = parsed.value;
    }
  }
  return { ok: true, value };
}

export function SettingCard({ setting, onSaved }: { setting: SettingDto; onSaved: (s: SettingDto) => void }) {
  const [fields, setFields] = useState<Field[]>(() => fieldsOf(setting.value));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const titleId = `${base}-title`;

  const update = (index: number, next: Field) => setFields(fields.map((f, i) => (i === index ? next : f)));

  const save = async (value: unknown) => {
    setBusy(true);
    const result = await saveSetting(setting.key, value);
    setBusy(false);
    if (!result.ok) {
      setMessage({ error: true, text: result.error.message });
      return;
    }
    setFields(fieldsOf(result.data.value));
    setMessage({ error: false, text: `Saved as version ${result.data.version}.` });
    onSaved(result.data);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = valueFromFields(fields);
    if (!built.ok) setMessage({ error: true, text: built.message });
    else void save(built.value);
  };

  return (
    <form className="card setting" aria-labelledby={titleId} onSubmit={submit}>
      <h3 id={titleId}>{humanise(setting.key)}</h3>
      <p className="muted">{setting.description}</p>
      {fields.map((field, index) => {
        const id = `${base}-${field.name || "value"}`;
        const label = humanise(field.name) || "Value (JSON)";
        if (field.kind === "boolean") {
          return (
            <label key={field.name} className="check">
              <input
                type="checkbox"
                checked={field.on}
                onChange={(e) => update(index, { ...field, on: e.target.checked })}
              />{" "}
              {label}
            </label>
          );
        }
        return (
          <div key={field.name || "value"} className="field">
            <label htmlFor={id}>{label}</label>
            {field.kind === "json" ? (
              <textarea
                id={id}
                rows={Math.min(14, field.text.split("\n").length + 1)}
                spellCheck={false}
                className="code"
                value={field.text}
                onChange={(e) => update(index, { ...field, text: e.target.value })}
              />
            ) : field.kind === "text" && field.text.length > 60 ? (
              <textarea
                id={id}
                rows={4}
                value={field.text}
                onChange={(e) => update(index, { ...field, text: e.target.value })}
              />
            ) : (
              <input
                id={id}
                type={field.kind === "number" ? "number" : "text"}
                value={field.text}
                onChange={(e) => update(index, { ...field, text: e.target.value })}
              />
            )}
          </div>
        );
      })}
      <div className="setting-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Save {humanise(setting.key).toLowerCase()}
        </button>
        <button type="button" disabled={busy} onClick={() => void save(setting.default)}>
          Reset to default
        </button>
        <span className="muted">
          {setting.version === 0
            ? "Built-in default"
            : `Version ${setting.version}${setting.updatedAt ? `, saved ${dateTime(setting.updatedAt)}` : ""}`}
        </span>
      </div>
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
