/** @module Tests for `analyze-customer`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { analyzeCustomer, customerGist } from "./analyze-customer.js";
import { MAX_ANALYZED_CHARS, tokenize } from "./text/tokenize.js";
import { ANGER_LEVEL_NAMES, type CustomerAnalysis, EMOTIONS } from "./types.js";

function expectWellFormed(a: CustomerAnalysis, text: string): void {
  expect(a.anger).toBeGreaterThanOrEqual(0);
  expect(a.anger).toBeLessThanOrEqual(100);
  expect(a.anger_label).toBe(ANGER_LEVEL_NAMES[a.anger_level]);
  for (const e of EMOTIONS) {
    expect(a.emotions[e]).toBeGreaterThanOrEqual(0);
    expect(a.emotions[e]).toBeLessThanOrEqual(1);
  }
  const analysed = text.slice(0, MAX_ANALYZED_CHARS);
  const spans = [
    ...a.abuse_spans,
    ...a.repeat_contact_spans,
    ...a.threats.flatMap((t) => t.spans),
    ...a.facts.map((f) => f.span),
    ...a.signals.map((s) => s.span),
  ];
  for (const s of spans) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(analysed.length);
    expect(s.text.length).toBe(s.end - s.start);
  }
}

describe("analyzeCustomer", () => {
  it("reads a calm question as calm", () => {
    const a = analyzeCustomer("Hi, could you tell me when my order will ship? Thanks!");
    expect(a.anger_level).toBe(0);
    expect(a.abusive).toBe(false);
    expect(a.threats).toEqual([]);
    expect(a.repeat_contact).toBe(false);
    expect(a.emotions.gratitude).toBeGreaterThan(0.3);
    expect(a.anger_trend).toBeNull();
  });

  it("reads a furious, abusive, threatening repeat contact", () => {
    const text =
      "This is the THIRD time I'm writing!!! You useless idiots charged me $49.99 twice for order #A-10293. " +
      "If it isn't refunded today I will dispute the charge and leave a review on Trustpilot.";
    const a = analyzeCustomer(text);
    expectWellFormed(a, text);
    expect(a.anger_level).toBeGreaterThanOrEqual(2);
    expect(a.emotions.anger).toBeGreaterThan(a.emotions.gratitude);
    expect(a.abusive).toBe(true);
    expect(a.abuse_spans.map((s) => s.text)).toEqual(expect.arrayContaining(["useless", "idiots"]));
    expect(a.threats.map((t) => t.kind).sort()).toEqual(["chargeback", "social_media"]);
    expect(a.repeat_contact).toBe(true);
    expect(a.facts.map((f) => [f.kind, f.normalized])).toEqual(
      expect.arrayContaining([
        ["amount", "49.99 USD"],
        ["order_number", "A-10293"],
      ]),
    );
    const kinds = new Set(a.signals.map((s) => s.kind));
    for (const k of ["caps", "repeated_punctuation", "abuse", "threat", "repeat_contact"] as const)
      expect(kinds).toContain(k);
  });

  it("ranks anger by the strength of the message", () => {
    const calm = analyzeCustomer("My parcel hasn't arrived yet, can you check?").anger;
    const annoyed = analyzeCustomer("Still no parcel. This is really annoying.").anger;
    const furious = analyzeCustomer("ABSOLUTELY DISGUSTING SERVICE!!! You are thieves and liars 😡").anger;
    expect(calm).toBeLessThan(annoyed);
    expect(annoyed).toBeLessThan(furious);
  });

  it("does not call exclamation profanity or third-party insults abuse", () => {
    expect(analyzeCustomer("holy shit it works, thank you so much!").abusive).toBe(false);
    expect(analyzeCustomer("the other sellers on this site are idiots, you were great").abusive).toBe(false);
  });

  it("reads sarcasm and contrast as discontent, not gratitude", () => {
    const sarcastic = analyzeCustomer("Great, just great. Thanks for nothing.");
    const sincere = analyzeCustomer("Thanks, that fixed it.");
    expect(sarcastic.signals.some((s) => s.kind === "sarcasm")).toBe(true);
    expect(sarcastic.emotions.gratitude).toBeLessThan(sincere.emotions.gratitude);
    expect(sarcastic.emotions.gratitude).toBeLessThan(0.3);
    const contrast = analyzeCustomer("Thanks for replying but this is still unacceptable");
    expect(contrast.signals.some((s) => s.kind === "contrast")).toBe(true);
  });

  it("masks profanity in every returned span when asked", () => {
    const a = analyzeCustomer("You fucking idiots lost my bag", { maskProfanity: true });
    const texts = [...a.abuse_spans, ...a.signals.map((s) => s.span)].map((s) => s.text).join(" ");
    expect(texts).toContain("f******");
    expect(texts).not.toMatch(/fucking/i);
    const unmasked = analyzeCustomer("You fucking idiots lost my bag");
    expect(unmasked.abuse_spans.map((s) => s.text)).toContain("fucking");
  });

  it("compares anger with earlier messages", () => {
    expect(
      analyzeCustomer("THIS IS RIDICULOUS!!! WHERE IS MY REFUND", {
        previousMessages: ["Hi, any news on my refund?"],
      }).anger_trend,
    ).toBe("rising");
    expect(
      analyzeCustomer("ok thanks, that works", { previousMessages: ["THIS IS A DISGRACE!!! useless"] })
        .anger_trend,
    ).toBe("falling");
    expect(analyzeCustomer("any news?", { previousMessages: ["hello, any news?"] }).anger_trend).toBe(
      "steady",
    );
  });

  it("uses the anger stored for earlier messages instead of reading them again", () => {
    const calmNow = analyzeCustomer("any news?");
    // The text alone reads as calm as now; the stored anger says it was furious, so anger has fallen.
    const context = { previousMessages: ["hello, any news?"], previousAnger: [calmNow.anger + 40] };
    expect(analyzeCustomer("any news?", context).anger_trend).toBe("falling");
    // Unknown stored anger falls back to reading the message.
    expect(analyzeCustomer("any news?", { ...context, previousAnger: [null] }).anger_trend).toBe("steady");
  });

  it("lets a threat lift a calm-sounding message out of calm", () => {
    expect(analyzeCustomer("I will be contacting my lawyer.").anger_level).toBeGreaterThanOrEqual(1);
    expect(analyzeCustomer("I will be contacting my lawyer.").threats[0]?.kind).toBe("legal");
  });

  it("recognises the desk's own products", () => {
    const a = analyzeCustomer("my Keel Router X2 keeps dropping", { productNames: ["Keel Router X2"] });
    expect(a.facts.map((f) => f.value)).toContain("Keel Router X2");
  });

  it("returns the model fields and the learned-model-free rule reading", () => {
    const a = analyzeCustomer("hello");
    expect(Array.isArray(a.emotion_labels)).toBe(true);
    expect(["hate", "offensive", "neither"]).toContain(a.offensive);
  });

  describe("robustness", () => {
    const cases: Array<[string, string]> = [
      ["empty", ""],
      ["whitespace", "   \n\t  "],
      ["binary garbage", String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536))],
      ["emoji only", "😡😡😡🤬🙄"],
      ["RTL text", "هذه الخدمة سيئة جدا!!! أريد استرداد أموالي"],
      ["HTML", "<html><body><p>I am <b>FURIOUS</b></p><script>var x = 'idiot';</script></body></html>"],
      ["unclosed HTML", "<div <p <<<< >>> &amp;&lt; <"],
      ["lone surrogates", "\uD83D abc \uDE00 \uD800\uD800"],
    ];
    for (const [name, text] of cases) {
      it(`never throws on ${name}`, () => {
        const a = analyzeCustomer(text);
        expectWellFormed(a, text);
      });
    }

    it("reads HTML without counting tag names", () => {
      const a = analyzeCustomer("<p>I am <b>FURIOUS</b></p>");
      expect(a.signals.some((s) => s.span.text === "FURIOUS")).toBe(true);
      expect(a.signals.every((s) => !s.span.text.includes("<"))).toBe(true);
    });

    it("finds no lexicon entry in words that name Object.prototype members", () => {
      const a = analyzeCustomer("The constructor said 20 constructor 2020, toString valueOf hasOwnProperty");
      for (const f of a.facts) {
        expect(typeof f.kind).toBe("string");
        expect(f.normalized ?? "").not.toContain("function");
      }
      expect(a.facts.filter((f) => f.kind === "date" || f.kind === "order_number")).toEqual([]);
    });

    it("handles non-string input defensively", () => {
      expect(() => analyzeCustomer(undefined as unknown as string)).not.toThrow();
      expect(() => analyzeCustomer("ok", null as unknown as undefined)).not.toThrow();
    });

    it("reads only the analysed head of a 1 MB paste", () => {
      const chunk = "WHY is my order #A-10293 STILL not here?!?! You idiots charged $49.99 twice 😡 ";
      const big = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
      const analysis = analyzeCustomer(big);
      expectWellFormed(analysis, big);
      // Timing belongs to the benchmark; here the paste must read exactly like its first 20,000 characters.
      expect(analysis).toEqual(analyzeCustomer(big.slice(0, MAX_ANALYZED_CHARS)));
      expect(analysis.anger).toBeGreaterThan(50);
    });

    it("gives an independent result on a repeated call", () => {
      const text = "Order #A-10293 is late AGAIN, you idiots!!";
      const first = analyzeCustomer(text);
      first.signals.length = 0;
      (first.facts[0] as { span: { text: string } }).span.text = "changed";
      const second = analyzeCustomer(text);
      expect(second.signals.length).toBeGreaterThan(0);
      expect(second.facts[0]?.span.text).toBe("A-10293");
    });

    it("is deterministic", () => {
      const text = "I called twice and nobody answered. Cancelling my account!!!";
      expect(analyzeCustomer(text)).toEqual(analyzeCustomer(text));
    });
  });
});

describe("customerGist", () => {
  const messages = [
    "Where is my parcel? Ordered on the 3rd.",
    "This is the THIRD time I write. You idiots, I'll sue and report you to the BBB!!!",
    "thanks for nothing, great service as always",
    "@acme my refund never came, reported you to trading standards",
  ];

  it("agrees with analyzeCustomer on every field coachReply reads", () => {
    for (const text of messages) {
      for (const earlier of [[], ["Hello?", "Anyone there?"]]) {
        const full = analyzeCustomer(text, { previousMessages: earlier });
        const { gist } = customerGist(text, earlier);
        expect(gist).toEqual({
          anger_level: full.anger_level,
          abusive: full.abusive,
          threats: full.threats,
          repeat_contact: full.repeat_contact,
        });
      }
    }
  });

  it("brings the tokens tokenize gives", () => {
    for (const text of messages) {
      const { tokens } = customerGist(text, []);
      const plain = tokenize(text);
      expect(tokens.text).toBe(plain.text);
      expect(tokens.sentences).toEqual(plain.sentences);
      expect(tokens.tokens.map((k) => [k.text, k.norm, k.start, k.end, k.kind, k.sentence])).toEqual(
        plain.tokens.map((k) => [k.text, k.norm, k.start, k.end, k.kind, k.sentence]),
      );
    }
  });
});
