/** @module Property tests: on any string the coach never throws, stays in range, marks true spans and is deterministic. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCustomer } from "./analyze-customer.js";
import { coachReply } from "./coach-reply.js";
import { MAX_ANALYZED_CHARS, sanitize } from "./text/tokenize.js";
import { ANGER_LEVEL_NAMES, type CustomerAnalysis, REPLY_LABELS, type ReplyCoaching } from "./types.js";

/** Fixed seeds: a failure reproduces on every run and every machine. */
const SEED = 20_261_125;

/** Pieces that make detectors fire (anger, threats, facts, timelines, apologies) mixed with hostile text. */
const PIECES = [
  "I am FURIOUS",
  "this is the third time I've called",
  "I'll sue you",
  "cancel my account",
  "order #A-10293",
  "$49.99",
  "by Friday",
  "within 24 hours",
  "I'm so sorry",
  "you should have read the terms",
  "we apologize for any inconvenience",
  "what a great service... NOT",
  "fucking useless",
  "!!!???",
  "😡😡",
  "👩‍👩‍👧‍👦",
  "👍🏽",
  "<div><b>refund</b></div>",
  "&amp;&lt;",
  "https://t.co/x?y=1",
  "\u202eأين طلبي؟\u202c",
  "אני רוצה החזר",
  "\u200f\u200e\u2066",
  "e\u0301\u0301\u0301",
  "\u0000\u0007\u001b[31m",
  "\uD83D",
  "\uDE21",
  "\r\n\n",
  "\t",
  "  ",
  ". ",
  "((((",
  "-'-'",
  "1,2.3:4/5",
];

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(" ")),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 8 })), {
      maxLength: 40,
    })
    .map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 300 })).map(([p, n]) => p.repeat(n)),
);

/** A piece and a length around the analysed-text cut; the text is built in the test so a failure prints short. */
const hugeRecipe = fc.tuple(
  fc.constantFrom(...PIECES, "a", "!", "😡", "\uD83D"),
  fc.integer({ min: 19_500, max: 24_000 }),
);

function huge([piece, n]: [string, number]): string {
  return piece.repeat(Math.ceil(n / piece.length)).slice(0, n);
}

interface FoundSpan {
  path: string;
  start: number;
  end: number;
  text: string;
}

function isSpan(value: object): value is FoundSpan {
  const v = value as Record<string, unknown>;
  return typeof v.start === "number" && typeof v.end === "number" && typeof v.text === "string";
}

/** Every span anywhere in a result, and every number, so fields added later are checked too. */
function walk(value: unknown, path: string, spans: FoundSpan[], numbers: [string, number][]): void {
  if (typeof value === "number") numbers.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, spans, numbers);
  } else if (value !== null && typeof value === "object") {
    if (isSpan(value)) spans.push({ ...value, path });
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, spans, numbers);
  }
}

/** Fields that are probabilities or scores by name: each must lie in [0, 1]. */
const UNIT_FIELD = /(?:^|_)(?:confidence|probability)$|^politeness$/;

function expectSoundNumbersAndSpans(result: object, analysed: string): void {
  const spans: FoundSpan[] = [];
  const numbers: [string, number][] = [];
  walk(result, "$", spans, numbers);
  for (const [path, n] of numbers) {
    expect(Number.isFinite(n), `${path} is finite`).toBe(true);
    const field = path.slice(path.lastIndexOf(".") + 1);
    if (UNIT_FIELD.test(field) || path.startsWith("$.emotions.")) {
      expect(n, path).toBeGreaterThanOrEqual(0);
      expect(n, path).toBeLessThanOrEqual(1);
    }
  }
  for (const s of spans) {
    expect(s.start, `${s.path}.start`).toBeGreaterThanOrEqual(0);
    expect(s.end, `${s.path}.end`).toBeGreaterThanOrEqual(s.start);
    expect(s.end, `${s.path}.end`).toBeLessThanOrEqual(analysed.length);
    expect(s.text, `${s.path}.text`).toBe(analysed.slice(s.start, s.end));
  }
}

function expectSoundAnalysis(a: CustomerAnalysis, input: string): void {
  expect(a.anger).toBeGreaterThanOrEqual(0);
  expect(a.anger).toBeLessThanOrEqual(100);
  expect([0, 1, 2, 3]).toContain(a.anger_level);
  expect(a.anger_label).toBe(ANGER_LEVEL_NAMES[a.anger_level]);
  expect([null, "rising", "falling", "steady"]).toContain(a.anger_trend);
  expect(["hate", "offensive", "neither"]).toContain(a.offensive);
  expectSoundNumbersAndSpans(a, sanitize(input));
}

function expectSoundCoaching(c: ReplyCoaching, reply: string): void {
  expect(Number.isInteger(c.score)).toBe(true);
  expect(c.score).toBeGreaterThanOrEqual(0);
  expect(c.score).toBeLessThanOrEqual(100);
  expect(Object.keys(c.labels).sort()).toEqual([...REPLY_LABELS].sort());
  for (const label of REPLY_LABELS) expect(typeof c.labels[label].value).toBe("boolean");
  expect(c.fixes.length).toBeLessThanOrEqual(3);
  for (const f of c.fixes) expect(typeof f).toBe("string");
  for (const level of Object.values(c.empathy_levels)) expect([0, 1, 2]).toContain(level);
  // Every span in a coaching result marks the reply (escalation evidence in the customer's words has none).
  expectSoundNumbersAndSpans(c, sanitize(reply));
}

describe("analysed text", () => {
  it("is the input cut to the limit with lone surrogates replaced", () => {
    expect(sanitize(`a\uD83Db\uDE21`)).toBe("a\uFFFDb\uFFFD");
    expect(sanitize("😡")).toBe("😡");
    expect(sanitize("x".repeat(MAX_ANALYZED_CHARS + 5)).length).toBe(MAX_ANALYZED_CHARS);
  });
});

describe("span checks", () => {
  it("catch a span whose text is not the slice it claims", () => {
    const bad = { spans: [{ start: 0, end: 3, text: "abd" }] };
    expect(() => expectSoundNumbersAndSpans(bad, "abcdef")).toThrow();
    expect(() => expectSoundNumbersAndSpans({ confidence: 1.2 }, "")).toThrow();
    expect(() =>
      expectSoundNumbersAndSpans({ spans: [{ start: 0, end: 3, text: "abc" }] }, "abcdef"),
    ).not.toThrow();
  });
});

describe("analyzeCustomer on any string", () => {
  it("does not throw, stays in range, marks true spans and is deterministic", () => {
    fc.assert(
      fc.property(hostileText, fc.array(hostileText, { maxLength: 2 }), (text, previousMessages) => {
        const context = previousMessages.length > 0 ? { previousMessages } : {};
        const a = analyzeCustomer(text, context);
        expectSoundAnalysis(a, text);
        expect(analyzeCustomer(text, context)).toEqual(a);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it("keeps spans inside the cut on texts around and past it", () => {
    fc.assert(
      fc.property(hugeRecipe, (recipe) => {
        const text = huge(recipe);
        // Determinism is covered above; one call keeps these slow inputs cheap.
        expectSoundAnalysis(analyzeCustomer(text), text);
      }),
      { seed: SEED, numRuns: 2 },
    );
  });
});

describe("coachReply on any reply and customer message", () => {
  it("does not throw, stays in range, marks true spans and is deterministic", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (reply, customer) => {
        const c = coachReply(reply, customer);
        expectSoundCoaching(c, reply);
        expect(coachReply(reply, customer)).toEqual(c);
      }),
      { seed: SEED + 1, numRuns: 40 },
    );
  });

  it("copes with huge drafts and huge customer messages", () => {
    fc.assert(
      fc.property(hugeRecipe, fc.boolean(), (recipe, asReply) => {
        const text = huge(recipe);
        const [reply, customer] = asReply ? [text, "Where is my order?"] : ["Sorry, checking now.", text];
        expectSoundCoaching(coachReply(reply, customer), reply);
      }),
      { seed: SEED + 2, numRuns: 2 },
    );
  });
});
