/** @module PostgreSQL errors a repository expects become values; anything else is re-thrown. */
import { describe, expect, it } from "vitest";
import { constraintFailure } from "./result.js";

describe("constraintFailure", () => {
  it("maps unique, foreign-key and check violations to codes, naming the constraint", () => {
    expect(constraintFailure({ code: "23505", constraint: "contacts_kind_value_key" }, "contact")).toEqual({
      ok: false,
      error: { code: "duplicate", message: "contact already exists (contacts_kind_value_key)" },
    });
    expect(constraintFailure({ code: "23503" }, "case").ok ? null : "failed").toBe("failed");
    const check = constraintFailure({ code: "23514" }, "agent");
    expect(check.ok ? null : check.error.code).toBe("invalid");
  });

  it("re-throws errors that are outages or bugs", () => {
    const lost = Object.assign(new Error("connection terminated"), { code: "57P01" });
    expect(() => constraintFailure(lost, "x")).toThrow("connection terminated");
    expect(() => constraintFailure(new TypeError("bug"), "x")).toThrow("bug");
  });
});
