import { describe, expect, it } from "vitest";
import { fieldsOf, humanise, valueFromFields } from "./SettingCard.js";

describe("setting fields", () => {
  it("edits flat values as fields and nested ones as JSON, and rebuilds the same value", () => {
    const value = { delayDays: 3, enabled: true, template: "Hello {{name}}", levels: { high: 4 } };
    const fields = fieldsOf(value);
    expect(fields.map((f) => f.kind)).toEqual(["number", "boolean", "text", "json"]);
    expect(valueFromFields(fields)).toEqual({ ok: true, value });
  });

  it("says which field is not valid JSON", () => {
    const fields = fieldsOf({ levels: { high: 4 } }).map((f) => ({ ...f, text: "{ high: " }));
    expect(valueFromFields(fields)).toEqual({ ok: false, message: "Levels is not valid JSON." });
  });

  it("keeps a non-object value whole", () => {
    expect(valueFromFields(fieldsOf([1, 2]))).toEqual({ ok: true, value: [1, 2] });
    expect(humanise("abuse_policy")).toBe("Abuse policy");
  });
});
