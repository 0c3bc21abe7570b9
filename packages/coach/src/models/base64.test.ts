import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64.js";

describe("base64", () => {
  it("round-trips every length remainder", () => {
    for (let n = 0; n < 9; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(Array.from(decodeBase64(encodeBase64(bytes)) ?? [])).toEqual(Array.from(bytes));
    }
  });
  it("matches the standard alphabet", () => {
    expect(encodeBase64(Uint8Array.of(255, 254, 253))).toBe("//79");
    expect(encodeBase64(new TextEncoder().encode("Keel"))).toBe("S2VlbA==");
  });
  it("rejects characters outside the alphabet", () => {
    expect(decodeBase64("ab$d")).toBeNull();
  });
});
