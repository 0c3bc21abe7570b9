/** @module The registered settings: each default fits its schema, and fields are named as the rest of the API. */
import { describe, expect, it } from "vitest";
import { registeredSettings } from "./registry.js";

/** Every object key in the value, at any depth. */
function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([name, inner]) => [name, ...fieldNames(inner)]);
}

describe("registered settings", () => {
  it("name their fields in camelCase, as every other field of the API", () => {
    const notCamel = registeredSettings().flatMap((definition) =>
      fieldNames(definition.defaultValue)
        .filter((name) => !/^[a-z][a-zA-Z0-9]*$/.test(name))
        .map((name) => `${definition.key}.${name}`),
    );
    expect(notCamel).toEqual([]);
  });

  it("have defaults their own schemas accept", () => {
    for (const definition of registeredSettings())
      expect(definition.schema.safeParse(definition.defaultValue).success, definition.key).toBe(true);
  });
});
