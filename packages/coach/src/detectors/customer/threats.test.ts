/** @module Tests for `threats`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectThreats } from "./threats.js";

const kinds = (s: string) => detectThreats({ text: readCustomerText(s), context: {} }).map((t) => t.kind);

describe("detectThreats", () => {
  it("finds legal threats in a first-person future frame", () => {
    expect(kinds("If this isn't fixed by Friday I will be contacting my lawyer")).toEqual(["legal"]);
    expect(kinds("I'm going to sue you")).toEqual(["legal"]);
    expect(kinds("See you in court.")).toEqual(["legal"]);
    expect(kinds("I'll take you to small claims")).toEqual(["legal"]);
  });
  it("does not read a lawyer mentioned in passing as a threat", () => {
    expect(kinds("my lawyer friend said hi")).toEqual([]);
    expect(kinds("I am a lawyer and I love your app")).toEqual([]);
  });
  it("finds churn", () => {
    expect(kinds("I'm cancelling my subscription")).toEqual(["churn"]);
    expect(kinds("I will be switching to another provider")).toEqual(["churn"]);
    expect(kinds("Never buying from you again. NEVER AGAIN")).toEqual(["churn"]);
    expect(kinds("Time to find a new bank")).toEqual(["churn"]);
    expect(kinds("Keep this up and you'll lose me as a customer")).toEqual(["churn"]);
    expect(kinds("Close my account immediately")).toEqual(["churn"]);
  });
  it("does not read cancelling an order or leaving a review as churn", () => {
    expect(kinds("I want to cancel my order please")).toEqual([]);
    expect(kinds("I don't want to leave, just fix it")).toEqual([]);
  });
  it("finds social media, regulator and chargeback threats", () => {
    expect(kinds("I'll post this everywhere and leave a review on Trustpilot")).toContain("social_media");
    expect(kinds("I am filing a complaint with the FCC")).toEqual(["regulator"]);
    expect(kinds("reporting you to trading standards")).toEqual(["regulator"]);
    expect(kinds("I will dispute the charge with my bank")).toEqual(["chargeback"]);
    expect(kinds("I'm calling my bank to reverse the payment")).toEqual(["chargeback"]);
  });
  it("ignores threats inside quotes and negated ones", () => {
    expect(kinds('the form said "legal action may follow"')).toEqual([]);
    expect(kinds("I'm not going to cancel my subscription")).toEqual([]);
  });
  it("returns spans and confidences", () => {
    const [t] = detectThreats({ text: readCustomerText("I will take legal action"), context: {} });
    expect(t?.spans[0]?.text).toBe("legal action");
    expect(t?.confidence).toBeGreaterThan(0.8);
  });
});
