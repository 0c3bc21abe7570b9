/** @module Generators of hostile inputs (huge repeats, emoji, nesting, garbage) of a chosen length, deterministic. */

export interface PathologicalInput {
  name: string;
  /** Size of the main measurement, in UTF-16 code units. */
  size: number;
  /** Builds about `n` code units; `realText` is a long sample of real messages for the generators that need one. */
  make(n: number, realText: string): string;
}

/** `unit` repeated up to exactly `n` code units (a cut surrogate pair is the tokenizer's problem to survive). */
export function repeatTo(unit: string, n: number): string {
  if (unit.length === 0 || n <= 0) return "";
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Mulberry32: a tiny seeded PRNG so "random" garbage is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binaryGarbage(n: number): string {
  const random = seededRandom(0x6b65656c);
  const units = new Array<string>(n);
  for (let i = 0; i < n; i++) units[i] = String.fromCharCode(Math.floor(random() * 0x10000));
  return units.join("");
}

function deepHtml(n: number): string {
  const open = '<div class="x"><span style="color:red">';
  const close = "</span></div>";
  const depth = Math.max(1, Math.ceil(n / (open.length + close.length)));
  return `${open.repeat(depth)}Where is my refund?!${close.repeat(depth)}`.slice(0, n);
}

const KB100 = 100_000;

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  { name: "one char repeated", size: KB100, make: (n) => repeatTo("a", n) },
  { name: "'!' repeated", size: KB100, make: (n) => repeatTo("!", n) },
  {
    name: "emoji (ZWJ, skin tones)",
    size: KB100,
    make: (n) =>
      repeatTo(
        "\u{1F621}\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}\u{1F44D}\u{1F3FD}\u{1F525}\u{1F92C}\uFE0F",
        n,
      ),
  },
  { name: "nested punctuation", size: KB100, make: (n) => repeatTo("((((!?!?", n) },
  { name: "1 MB paste (real text)", size: 1_000_000, make: (n, real) => repeatTo(`${real}\n\n`, n) },
  { name: "no spaces (real text)", size: KB100, make: (n, real) => repeatTo(real.replace(/\s+/g, ""), n) },
  { name: "hyphen/apostrophe chain", size: KB100, make: (n) => repeatTo("a-b'c’d-", n) },
  { name: "number chain", size: KB100, make: (n) => repeatTo("1,2.3:4/5-", n) },
  { name: "deep HTML", size: KB100, make: deepHtml },
  {
    name: "RTL text with bidi marks",
    size: KB100,
    make: (n) =>
      repeatTo("\u202bأين طلبي؟ لقد انتظرت أسبوعين!\u202c \u200fאני רוצה החזר כספי עכשיו \u200e", n),
  },
  { name: "binary garbage", size: KB100, make: binaryGarbage },
  { name: "ALL CAPS shouting", size: KB100, make: (n) => repeatTo("WHY IS THIS STILL NOT FIXED ", n) },
  { name: "tiny sentences", size: KB100, make: (n) => repeatTo("No. ", n) },
  { name: "whitespace only", size: KB100, make: (n) => repeatTo(" \n\t\r\n", n) },
];
