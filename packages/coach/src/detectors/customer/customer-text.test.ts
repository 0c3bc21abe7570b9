/** @module Tests for `customer-text`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText, squash, stem, wordFlag } from "./customer-text.js";

const wordsOf = (s: string) => readCustomerText(s).words.map((w) => w.norm);

describe("stem", () => {
  it("meets inflected forms of the same word", () => {
    expect(stem("charged")).toBe(stem("charge"));
    expect(stem("charges")).toBe(stem("charge"));
    expect(stem("cancelled")).toBe(stem("canceling"));
    expect(stem("emails")).toBe("email");
    expect(stem("Sooooo")).toBe("so");
  });
  it("keeps short irregular words apart", () => {
    expect(stem("made")).not.toBe(stem("mad"));
  });
  it("expands slang spellings", () => {
    expect(stem("dont")).toBe("don't");
    expect(stem("u")).toBe("you");
  });
});

describe("squash", () => {
  it("collapses repeated letters", () => {
    expect(squash("fuuuuuck")).toBe("fuck");
  });
});

describe("readCustomerText", () => {
  it("ignores HTML tags, links, entities and e-mail addresses", () => {
    const words = wordsOf(
      '<p class="x">Hello <b>there</b></p> see https://t.co/abc &amp; mail me at jo@example.com',
    );
    expect(words).toEqual(["hello", "there", "see", "mail", "me", "at"]);
  });
  it("ignores script and style bodies", () => {
    expect(wordsOf("<style>.idiot{color:red}</style>hi <SCRIPT>var idiot = 1;</SCRIPT> there")).toEqual([
      "hi",
      "there",
    ]);
  });
  it("ignores lines quoted from the agent and layout markers", () => {
    const t = readCustomerText(
      "[earlier agent] We are sorry, this is frustrating\n[earlier customer] my order is late\n> old quoted mail",
    );
    expect(t.words.map((w) => w.norm)).toEqual(["my", "order", "is", "late"]);
  });
  it("marks handles apart from words and keeps hashtags readable", () => {
    const t = readCustomerText("@Uber_Support your app #fail");
    expect(t.words.map((w) => w.norm)).toEqual(["your", "app", "fail"]);
    expect(t.tokens.filter((k) => k.handle).map((k) => k.text)).toEqual(["Uber", "_", "Support"]);
    expect(t.words.find((w) => w.norm === "fail")?.hashtag).toBe(true);
  });
  it("marks words inside double quotes as quoted", () => {
    const t = readCustomerText('the email said "we will sue you" and I laughed');
    expect(t.words.filter((w) => w.quoted).map((w) => w.norm)).toEqual(["we", "will", "sue", "you"]);
  });
  it("survives binary garbage and unclosed tags", () => {
    expect(() => readCustomerText("\u0000\uD800<div never closed ><<>>")).not.toThrow();
  });
});

describe("wordFlag", () => {
  it("marks the spellings that pass its test, and the message that holds one", () => {
    const refund = wordFlag((_, s) => s === "refund");
    const text = readCustomerText("Where are my refunds? Still nothing.");
    expect(text.tokens.filter((k) => (k.flags & refund) !== 0).map((k) => k.text)).toEqual(["refunds"]);
    expect(text.flags & refund).toBe(refund);
    expect(readCustomerText("Thanks, all sorted now").flags & refund).toBe(0);
  });
  it("re-tests spellings read before the flag was registered", () => {
    readCustomerText("my parcel is late");
    const parcel = wordFlag((s) => s.norm === "parcel");
    expect(readCustomerText("my parcel is late").flags & parcel).toBe(parcel);
  });
});
