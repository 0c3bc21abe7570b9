import { coachReply } from "@keel/coach";
import { describe, expect, it } from "vitest";
import { practicesOf } from "./practices.js";
import { predictReaction } from "./predict-reaction.js";

const CUSTOMER = "My order #A-1 never arrived and nobody answers my emails. This is ridiculous!";

describe("predicted customer reaction", () => {
  it("expects blame and a non-apology to make the customer angrier", () => {
    const forecast = predictReaction(
      coachReply("We apologize for any inconvenience. As I already told you, the courier lost it.", CUSTOMER),
      60,
    );
    expect(forecast.reaction).toBe("angrier");
    expect(forecast.because[0]).toMatch(/blames/);
    expect(forecast.anger).toEqual({ now: 60, after: 75 });
  });

  it("expects an acknowledgement with a next step and a time to calm them", () => {
    const forecast = predictReaction(
      coachReply(
        "I'm so sorry your order #A-1 never arrived and that nobody answered your emails — that's really frustrating. " +
          "I've asked the courier to trace it and I'll email you an update by 3 pm tomorrow. " +
          "Would you prefer a replacement or a refund?",
        CUSTOMER,
      ),
      60,
    );
    expect(forecast.reaction).toBe("calmer");
    expect(forecast.anger?.after).toBeLessThan(60);
  });

  it("gives no anger figures without a reading of the customer", () => {
    expect(predictReaction(coachReply("Thanks for waiting.", CUSTOMER), null).anger).toBeNull();
  });
});

describe("practices checklist", () => {
  it("lists the boundary practice only when the customer is abusive", () => {
    const coaching = coachReply("Thanks for your message.", CUSTOMER);
    expect(practicesOf(coaching, { customerAbusive: false }).map((p) => p.id)).not.toContain("boundary");
    expect(practicesOf(coaching, { customerAbusive: true }).map((p) => p.id)).toContain("boundary");
  });
});
