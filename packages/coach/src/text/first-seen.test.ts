import { describe, expect, it } from "vitest";
import { FirstSeen } from "./first-seen.js";

describe("FirstSeen", () => {
  it("tells each string's first meeting, across the switch from list to set and after a clear", () => {
    const seen = new FirstSeen();
    const words = Array.from({ length: 80 }, (_, i) => `w${i % 50}`);
    expect(words.map((w) => seen.first(w))).toEqual(words.map((_, i) => i < 50));
    seen.clear();
    expect(seen.first("w1")).toBe(true);
    expect(seen.first("w1")).toBe(false);
  });
});
