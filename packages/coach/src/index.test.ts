import { describe, expect, it } from "vitest";
import { COACH_VERSION } from "./index.js";

describe("coach", () => {
  it("exports a version", () => {
    expect(COACH_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
