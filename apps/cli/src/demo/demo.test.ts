/** @module Tests for `keel demo`, `keel coach` and the layout helpers behind their reports. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { capture, type TempDir, tempDir } from "../test-support/capture.js";
import { runCoach } from "./coach-command.js";
import { wantsColour } from "./colors.js";
import { runDemo } from "./demo-command.js";
import { bundledSamplesPath, loadSamples, parseSamples } from "./samples.js";
import { bar, quote, wrapText } from "./text-layout.js";

const ESC = "\u001b[";

describe("keel demo", () => {
  it("bundles about a dozen realistic conversations", async () => {
    expect(bundledSamplesPath()).toMatch(/samples[/\\]conversations\.jsonl$/);
    const loaded = await loadSamples(null);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.samples.length).toBeGreaterThanOrEqual(10);
    expect(new Set(loaded.samples.map((s) => s.domain)).size).toBeGreaterThanOrEqual(8);
  });

  it("prints every conversation and a summary, without colour when not on a terminal", async () => {
    const out = capture({ isTTY: false });
    expect(await runDemo(null, out, {})).toBe(0);
    const text = out.text();
    expect(text).not.toContain(ESC);
    expect(text.match(/^━━ \d+\/\d+ · /gm)?.length).toBeGreaterThanOrEqual(10);
    for (const heading of [
      "Customer",
      "Reply",
      "anger",
      "emotions",
      "threats",
      "abuse",
      "shows",
      "top fixes",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/━━ Summary/);
    expect(text).toMatch(/average score \d+\/100/);
  });

  it("colours the report on a terminal unless NO_COLOR is set", async () => {
    const tty = capture({ isTTY: true, columns: 80 });
    await runDemo(null, tty, {});
    expect(tty.text()).toContain(ESC);
    const noColour = capture({ isTTY: true });
    await runDemo(null, noColour, { NO_COLOR: "1" });
    expect(noColour.text()).not.toContain(ESC);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
  });

  describe("with a samples file", () => {
    let dir: TempDir;
    beforeEach(async () => {
      dir = await tempDir();
    });
    afterEach(async () => {
      await dir.remove();
    });

    it("uses the given file and rejects a malformed one", async () => {
      const one = {
        id: "only-one",
        domain: "test",
        customer: "Where is my order?",
        reply: "It ships today.",
      };
      const good = await dir.file("one.jsonl", `${JSON.stringify(one)}\n`);
      const out = capture();
      expect(await runDemo(good, out, {})).toBe(0);
      expect(out.text()).toContain("1/1 · test · only-one");
      expect(parseSamples('{"id":"x"}')).toEqual({
        ok: false,
        message: "line 1: needs string fields id, domain, customer, reply",
      });
      expect(parseSamples("")).toMatchObject({ ok: false });
    });
  });
});

describe("keel coach", () => {
  it("coaches one draft, with the customer section only when a customer message is given", () => {
    const alone = capture();
    expect(runCoach("We will look into it.", null, alone, {})).toBe(0);
    expect(alone.text()).toMatch(/^Reply /);
    expect(alone.text()).not.toContain("Customer");
    const withCustomer = capture();
    runCoach("We will look into it.", "My order #123 never came!!!", withCustomer, {});
    expect(withCustomer.text()).toMatch(/^Customer/);
    expect(withCustomer.text()).toContain("Reply");
  });
});

describe("text layout", () => {
  it("draws proportional bars of a fixed width", () => {
    expect(bar(0, 100, 10)).toBe("░".repeat(10));
    expect(bar(100, 100, 10)).toBe("█".repeat(10));
    expect(bar(50, 100, 10)).toBe(`${"█".repeat(5)}${"░".repeat(5)}`);
    expect(bar(55, 100, 10)).toBe(`${"█".repeat(5)}▌${"░".repeat(4)}`);
    expect(bar(250, 100, 4)).toHaveLength(4);
  });

  it("wraps at word boundaries within the width", () => {
    const text = "one two three four five six seven eight nine ten";
    const wrapped = wrapText(text, 20, "  ", "- ");
    for (const line of wrapped.split("\n")) expect(line.length).toBeLessThanOrEqual(20);
    expect(wrapped.startsWith("- one")).toBe(true);
    expect(wrapped.split("\n")[1]?.startsWith("  ")).toBe(true);
    expect(wrapped.replace(/\n {2}/g, " ").slice(2)).toBe(text);
  });

  it("quotes on one line and shortens long quotes", () => {
    expect(quote("a\n b")).toBe("“a b”");
    expect(quote("x".repeat(100), 10)).toBe(`“${"x".repeat(9)}…”`);
  });
});
