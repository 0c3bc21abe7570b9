/** @module Tests for the plain-text report tables. */
import { describe, expect, it } from "vitest";
import { formatCell, formatTable } from "./table.js";

describe("formatCell", () => {
  it("prints numbers with fixed decimals, strings as given and null as a dash", () => {
    expect(formatCell(1)).toBe("1.000");
    expect(formatCell(12, 1)).toBe("12.0");
    expect(formatCell(0.5)).toBe("0.500");
    expect(formatCell(null)).toBe("–");
    expect(formatCell("x")).toBe("x");
  });
});

describe("formatTable", () => {
  it("aligns columns: first left, the rest right", () => {
    const out = formatTable(
      ["label", "F1"],
      [
        ["empathy", 0.25],
        ["timeline", "12"],
      ],
    );
    expect(out.split("\n")).toEqual([
      "label        F1",
      "--------  -----",
      "empathy   0.250",
      "timeline     12",
    ]);
  });
});
