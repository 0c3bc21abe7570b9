import { describe, expect, it } from "vitest";
import { customerProbabilities, learnedCustomerSignals, learnedReplySignals } from "./learned.js";
import { type LinearModelFile, loadLinearModel } from "./linear-model.js";
import { customerModelFields } from "./model-fields.js";
import { getModel, registerWeights } from "./weights-registry.js";

describe("bundled customer models", () => {
  it("load with no setup call and cover all 28 GoEmotions labels", () => {
    const signals = learnedCustomerSignals("Thanks so much for sorting this out!");
    expect(signals).not.toBeNull();
    expect(Object.keys(signals?.goemotions ?? {})).toHaveLength(28);
    expect(signals?.goemotions.gratitude).toBeGreaterThan(0.8);
  });
  it("give the same answer for the same text", () => {
    const text = "Why is my order STILL not here?!";
    const first = [...(customerProbabilities(text)?.goemotions ?? [])];
    customerProbabilities("something else");
    expect([...(customerProbabilities(text)?.goemotions ?? [])]).toEqual(first);
  });
  it("hand out arrays that a later reading does not overwrite", () => {
    const kept = customerProbabilities("I am furious, this is the worst service ever");
    const copy = [...(kept?.goemotions ?? [])];
    customerProbabilities("Thank you so much, that sorted it!");
    expect([...(kept?.goemotions ?? [])]).toEqual(copy);
  });
  it("read obvious messages the obvious way", () => {
    const angry = customerModelFields(
      "This is the third time my order is late. Absolutely ridiculous, I want a refund!",
    );
    const thanks = customerModelFields("Thank you, you guys are amazing!");
    const insult = customerModelFields("you are a fucking idiot");
    expect(angry.complaint).toBe(true);
    expect(
      angry.emotion_labels.some((l) => l === "anger" || l === "annoyance" || l === "disappointment"),
    ).toBe(true);
    expect(thanks.complaint).toBe(false);
    expect(thanks.emotion_labels).toContain("gratitude");
    expect(angry.complaint_probability).toBeGreaterThan(thanks.complaint_probability);
    expect(insult.offensive).not.toBe("neither");
    expect(customerModelFields("What time do you open tomorrow?").offensive).toBe("neither");
  });
  it("refuse a broken weights file and keep the working model", () => {
    const good = getModel("goemotions");
    const broken = { ...(good?.file as LinearModelFile), weights: "AAAA" };
    expect(registerWeights("goemotions", broken).ok).toBe(false);
    expect(getModel("goemotions")).toBe(good);
    expect(loadLinearModel(broken).ok).toBe(false);
  });
});

describe("bundled reply-label model", () => {
  it("scores a reply that names the customer's problem above a bare template", () => {
    const customer = "My flight to Denver was cancelled and I still have no refund after two weeks.";
    const specific = learnedReplySignals(
      "So sorry your Denver flight was cancelled and the refund is late, let's fix it.",
      customer,
    );
    const template = learnedReplySignals("Please DM us.", customer);
    expect(Object.keys(specific?.labels ?? {})).toEqual(["acknowledges"]);
    expect(specific?.labels.acknowledges).toBeGreaterThan(template?.labels.acknowledges ?? 1);
    expect(specific?.thresholds.acknowledges).toBeGreaterThan(0);
  });
});
