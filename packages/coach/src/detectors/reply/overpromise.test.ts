/** @module Tests for the `overpromise` reply detector and its honest rewrites. */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../text/tokenize.js";
import type { ParsedTime } from "../../types.js";
import { detectOverpromise } from "./overpromise.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string) => detectOverpromise(replyInput(reply));

describe("detectOverpromise", () => {
  it.each([
    "This will never happen again.",
    "Your refund is guaranteed by Friday.",
    "I'm 100% sure it will be fixed today.",
    "I promise it will be fixed today.",
    "It will definitely arrive by tomorrow.",
    "I can guarantee the engineer will fix it once and for all.",
    "You'll have it by Friday, promise!",
  ])("flags an absolute promise: %s", (reply) => {
    const r = detect(reply);
    expect(r.value).toBe(true);
    expect(r.rewrites?.[0]?.replacement).toBeTruthy();
  });

  it.each([
    "I can't guarantee a date, but I'll update you by Friday.",
    "We expect it to arrive by Friday and I'll check in on Thursday.",
    "We'll do our best to stop this happening again.",
    "I'll definitely pass this along to the team.",
    "Each time you were promised parts that never came.",
  ])("leaves honest commitments alone: %s", (reply) => {
    expect(detect(reply).value).toBe(false);
  });

  it("uses a firm parsed deadline next to 'will be fixed'", () => {
    const text = "The line will be fixed today.";
    const reply = tokenize(text);
    const at = text.indexOf("today");
    const today: ParsedTime = {
      span: { start: at, end: at + 5, text: "today" },
      kind: "relative_day",
      customerDeadline: false,
    };
    const base = replyInput(text);
    const withTime = detectOverpromise({ ...base, reply, timelines: [today] });
    const hedged = detectOverpromise({
      ...replyInput("The line should be fixed today."),
      timelines: [today],
    });
    expect(withTime.value).toBe(true);
    expect(hedged.value).toBe(false);
  });
});

describe("detectOverpromise rewrite", () => {
  it("keeps the promised time but drops the certainty", () => {
    const r = detectOverpromise(replyInput("It will definitely arrive by tomorrow, guaranteed."));
    const rw = r.rewrites?.[0];
    expect(rw?.replacement).toContain("tomorrow");
    expect(rw?.replacement).not.toMatch(/definitely|guarantee/i);
  });
});
