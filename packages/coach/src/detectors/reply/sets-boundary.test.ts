/** @module Tests for the `sets_boundary` reply detector and its boundary script. */
import { describe, expect, it } from "vitest";
import type { CustomerAnalysis } from "../../types.js";
import { detectSetsBoundary } from "./sets-boundary.js";
import { replyInput } from "./shared-problems/reply-input.js";

const abusive = "You useless idiots lost my parcel AGAIN. Where is it?";
const calm = "Hi, my parcel hasn't arrived yet. Could you check?";
const detect = (reply: string, customer: string | null) => detectSetsBoundary(replyInput(reply, customer));

describe("detectSetsBoundary", () => {
  it.each([
    "I want to help you, and I'll ask that we keep this respectful. Can you send the order number?",
    "I'll get this sorted, but please don't call us idiots. What's your order number?",
    "I'm happy to help, though I'd ask you to leave the insults out so we can focus on finding it. I've opened a trace.",
    "That language isn't okay, but I do want to fix this — I've started a trace on your parcel.",
  ])("recognises a calm boundary that keeps helping: %s", (reply) => {
    const r = detect(reply, abusive);
    expect(r.value).toBe(true);
    expect(r.spans.length).toBeGreaterThan(0);
  });

  it("is false for a boundary that stops helping", () => {
    expect(detect("There is no need for that language.", abusive).value).toBe(false);
  });

  it("suggests a boundary script when an abusive customer gets none", () => {
    const r = detect("I've opened a trace on your parcel and will update you tomorrow.", abusive);
    expect(r.value).toBe(false);
    expect(r.suggestion).toMatch(/respectful/);
  });

  it("stays silent for a calm customer", () => {
    const r = detect("I've opened a trace on your parcel.", calm);
    expect(r.value).toBe(false);
    expect(r.suggestion).toBeUndefined();
    expect(detect("Let's keep this respectful. I've opened a trace.", calm).value).toBe(false);
  });

  it("trusts the customer analysis when it reports abuse", () => {
    const analysis = { abusive: true } as CustomerAnalysis;
    const r = detectSetsBoundary({
      ...replyInput("I want to help, and I'll ask that we keep it civil. What's the order number?", calm),
      customerAnalysis: analysis,
    });
    expect(r.value).toBe(true);
  });
});
