/** @module The default acknowledgment passes the coach; stock "your call is important" wording does not; times read in the customer's zone. */
import { coachReply, PROBLEM_LABELS } from "@keel/coach";
import { describe, expect, it } from "vitest";
import { checkTemplate, GOOD_SCORE } from "./coach-check.js";
import {
  DEFAULT_ACKNOWLEDGMENT_TEMPLATE,
  formatForCustomer,
  greetingName,
  renderTemplate,
  SAMPLE_VALUES,
} from "./template.js";

describe("acknowledgment template", () => {
  it("the default scores well with the coach and has no flagged problem, with or without the customer's message", () => {
    const text = renderTemplate(DEFAULT_ACKNOWLEDGMENT_TEMPLATE, SAMPLE_VALUES);
    for (const customer of [
      null,
      "My order A-20931 arrived smashed and nobody answers the phone. I want a refund.",
      "This is the THIRD time I'm writing!!! Useless company.",
    ]) {
      const coaching = coachReply(text, customer);
      expect(coaching.score).toBeGreaterThanOrEqual(GOOD_SCORE);
      expect(PROBLEM_LABELS.filter((label) => coaching.labels[label].value)).toEqual([]);
      expect(coaching.labels.next_step.value).toBe(true);
      expect(coaching.labels.timeline.value).toBe(true);
    }
    expect(checkTemplate(DEFAULT_ACKNOWLEDGMENT_TEMPLATE).passes).toBe(true);
  });

  it("flags a 'your call is important to us' template", () => {
    const check = checkTemplate(
      "Dear customer, your call is important to us. We apologize for any inconvenience this may have caused. " +
        "Unfortunately we cannot answer every message. Your reference is #{{number}}; expect a reply by {{next_update}}.",
    );
    expect(check.passes).toBe(false);
    expect(check.problems.map((p) => p.label)).toEqual(
      expect.arrayContaining(["non_apology", "robotic", "negative_language"]),
    );
  });

  it("fills placeholders and leaves unknown ones as written", () => {
    expect(renderTemplate("#{{number}} {{ subject }} {{nope}}", { ...SAMPLE_VALUES, number: "7" })).toBe(
      `#7 ${SAMPLE_VALUES.subject} {{nope}}`,
    );
  });

  it("writes times in the customer's zone, falling back to UTC for an unknown zone", () => {
    const at = new Date("2026-11-02T17:00:00Z");
    expect(formatForCustomer(at, "UTC")).toBe("Monday 2 November at 17:00 (UTC)");
    expect(formatForCustomer(at, "America/New_York")).toBe("Monday 2 November at 12:00 (America/New_York)");
    expect(formatForCustomer(at, "Mars/Olympus")).toBe("Monday 2 November at 17:00 (UTC)");
  });

  it("greets by first name, and without one when the name is only an address", () => {
    expect(greetingName("Ana Souza")).toBe("Ana");
    expect(greetingName("ana@example.com")).toBe("there");
  });
});
