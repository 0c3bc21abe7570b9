/** @module The reading made once for storing and answering: its value is its JSON text parsed, exactly. */

import { describe, expect, it } from "vitest";
import { analyseInboundTwice } from "./analysis.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const TEXTS = [
  "",
  "   ",
  "This is the THIRD time I'm writing. Order #48213 was charged twice (£59.99) on 12 November and nobody answers!!!",
  "I'll take this to my lawyer and post it on Twitter, and I'm cancelling. Chargeback filed with my bank.",
  "you useless idiots, f*** this company",
  "Thanks, that fixed it 🙂 — merci beaucoup",
  "Where is my refund? I was promised it by Friday 3pm, ref ABC-1234, call me on +44 7700 900123 or mo@example.com",
  "\u202eRTL text\u202c with bidi marks and a lone surrogate \ud800 in it",
];

describe("analyseInboundTwice", () => {
  it("gives the stored JSON text and a value equal to it parsed, with no undefined or non-JSON values", () => {
    const earlier = [{ id: "m1", body: "Still waiting for my refund.", anger: 40 }];
    for (const text of TEXTS) {
      for (const before of [[], earlier]) {
        const { json, value } = analyseInboundTwice(text, before, NOW);
        expect(value).toStrictEqual(JSON.parse(json));
        expect(json).toBe(analyseInboundTwice(text, before, NOW).json);
      }
    }
  });
});
