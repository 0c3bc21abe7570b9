import { describe, expect, it } from "vitest";
import { applyRewrite, rebaseSpans } from "./rebase-spans.js";

describe("rebaseSpans", () => {
  const spans = [
    { start: 0, end: 5, label: "a" },
    { start: 10, end: 15, label: "b" },
  ];
  it("keeps spans before an edit and shifts those after it", () => {
    const from = "Hello and world, bye";
    const to = "Hello and the world, bye";
    expect(rebaseSpans(spans, from, to)).toEqual([
      { start: 0, end: 5, label: "a" },
      { start: 14, end: 19, label: "b" },
    ]);
  });
  it("drops a span the edit touched", () => {
    expect(rebaseSpans(spans, "Hello and world, bye", "Help and world, bye")).toEqual([
      { start: 9, end: 14, label: "b" },
    ]);
  });
  it("returns the spans unchanged when the text is the same", () => {
    expect(rebaseSpans(spans, "same", "same")).toEqual(spans);
  });
});

describe("applyRewrite", () => {
  it("replaces the span where the coach saw it", () => {
    expect(
      applyRewrite(
        "As I already told you, no.",
        { start: 0, end: 17, text: "As I already told" },
        "To recap,",
      ),
    ).toBe("To recap, you, no.");
  });
  it("finds the span's text when the draft has moved on", () => {
    const text = "Hi. As I already told you, no.";
    expect(applyRewrite(text, { start: 0, end: 17, text: "As I already told" }, "To recap,")).toBe(
      "Hi. To recap, you, no.",
    );
  });
  it("gives null when the text is gone, and removes cleanly with an empty replacement", () => {
    expect(applyRewrite("All new text", { start: 0, end: 5, text: "Sorry" }, "x")).toBeNull();
    expect(applyRewrite("I am really sorry", { start: 5, end: 12, text: "really " }, "")).toBe("I am sorry");
    expect(applyRewrite("No way at all", { start: 2, end: 6, text: " way" }, "")).toBe("No at all");
  });
});
