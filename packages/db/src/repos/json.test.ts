import { describe, expect, it } from "vitest";
import { rowFromJson } from "./json.js";

describe("rowFromJson", () => {
  it("turns the `…_at` columns' ISO strings into Dates, leaves the rest and the input as they were", () => {
    const value = {
      id: "c1",
      created_at: "2026-11-26T11:43:05.576123+00:00",
      resolved_at: null,
      tags: ["a"],
      at: "2026-01-01",
      blocked_at: "2026-11-26T12:00:00+00:00",
    };
    const row = rowFromJson<Record<string, unknown>>(value);
    expect(row).toEqual({
      id: "c1",
      created_at: new Date("2026-11-26T11:43:05.576Z"),
      resolved_at: null,
      tags: ["a"],
      at: "2026-01-01",
      blocked_at: new Date("2026-11-26T12:00:00Z"),
    });
    expect(Object.keys(row ?? {})).toEqual(Object.keys(value));
    expect(value.created_at).toBe("2026-11-26T11:43:05.576123+00:00");
  });

  it("reads anything but an object as no row", () => {
    expect(rowFromJson(null)).toBeNull();
    expect(rowFromJson([1, 2])).toBeNull();
    expect(rowFromJson("x")).toBeNull();
  });
});
