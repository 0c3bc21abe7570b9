import { describe, expect, it } from "vitest";
import { empathyLevels } from "./empathy.js";
import { leadingWordsOf, politenessScore, politenessStrategies } from "./politeness.js";

describe("politeness", () => {
  it("ranks a hedged, thankful request above a blunt one", () => {
    const polite = "Hi, could you please take a look at this when you have a moment? Thanks!";
    const blunt = "Why did you break it? Fix it now.";
    expect(politenessScore(polite)).toBeGreaterThan(0.7);
    expect(politenessScore(blunt)).toBeLessThan(0.3);
  });
  it("names the strategies it found", () => {
    expect(politenessStrategies("So what is your point?")).toContain("direct_start");
    expect(politenessStrategies("You should read the docs.")).toContain("second_person_start");
    expect(politenessStrategies("Sorry, I think it might be late.")).toEqual(
      expect.arrayContaining(["apologizing", "hedges"]),
    );
    expect(politenessScore("")).toBe(0.5);
  });
  it("tells an in-sentence please from one that opens a sentence", () => {
    expect(politenessStrategies("Could you please check it?")).toContain("please");
    expect(politenessStrategies("It broke. Please fix it.")).not.toContain("please");
    expect(politenessStrategies("It broke.\n please fix it.")).not.toContain("please");
  });
});

describe("empathy mechanisms", () => {
  it("scores a warm, understanding, curious reply on all three", () => {
    expect(
      empathyLevels(
        "I'm so sorry you're going through this. I've been there too. How are you feeling today?",
      ),
    ).toEqual({ emotional_reactions: 2, interpretations: 2, explorations: 2 });
  });
  it("scores a bare instruction zero", () => {
    expect(empathyLevels("Send the form to the office.")).toEqual({
      emotional_reactions: 0,
      interpretations: 0,
      explorations: 0,
    });
  });
  it("tells weak from strong", () => {
    const weak = empathyLevels("Hope things get better. I understand. Did you call them?");
    expect(weak.emotional_reactions).toBe(1);
    expect(weak.interpretations).toBe(1);
    expect(weak.explorations).toBe(1);
  });
});

describe("leadingWordsOf", () => {
  it("reads the words a sentence-start pattern can begin with", () => {
    expect([...(leadingWordsOf(/^(?:hi|good (?:morning|evening))\b/) ?? [])]).toEqual(["hi", "good"]);
    expect([...(leadingWordsOf(/^(?:you|you're)\b/) ?? [])]).toEqual(["you"]);
    expect([...(leadingWordsOf(/^please\b/) ?? [])]).toEqual(["please"]);
  });

  it("gives up on patterns it cannot read simply", () => {
    expect(leadingWordsOf(/^hellos?\b/)).toBeNull();
    expect(leadingWordsOf(/^(?:a|b+)\b/)).toBeNull();
    expect(leadingWordsOf(/\bplease\b/)).toBeNull();
  });
});
