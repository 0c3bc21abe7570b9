/**
 * @module Reads a later reply for promises it reports as kept ("your refund has been processed", "as promised, I
 * called…"): a sentence needs a completion cue and must be about the promise (its kind's words or its own words).
 */

/** What the matcher needs to know of an open promise. */
export interface OpenPromise {
  id: string;
  kind: string;
  text: string;
}

export interface FulfilmentMatch {
  promiseId: string;
  /** The sentence of the reply that reports the promise kept. */
  evidence: { start: number; end: number; text: string };
}

/*
 * A completion cue says something already happened: a perfect ("I've now checked", "has been refunded"), a past
 * action by us ("we dispatched", "I called") or of the thing ("was refunded", "went out"), a state reached ("is back
 * up and running") or a reference back ("as promised", "writing to let you know").
 * Future or conditional wording ("will be refunded", "once it has been approved") is not completion.
 */
const PERFECT =
  /\b(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|finally\s+)?(?:[a-z]+ed|sent|spoken|done|made|put|issued|given|heard|rung|paid|found)\b/;
const PASSIVE =
  /\b(?:has|have)\s+(?:now\s+|just\s+|already\s+|finally\s+)?been\s+(?:[a-z]+ed|sent|done|paid|made|put|issued|given|sorted)\b/;
const PAST_BY_US =
  /\b(?:i|we)\s+(?:just\s+|now\s+|finally\s+)?(?:called|rang|phoned|refunded|credited|reimbursed|sent|issued|fixed|repaired|shipped|dispatched|posted|processed|resolved|restored|replaced|spoke|checked|confirmed|heard|reset|arranged|booked|updated)\b/;
const STATE_REACHED =
  /\b(?:is|are)\s+(?:now\s+)?(?:fixed|resolved|restored|complete|completed|sorted|back\s+(?:up|online|on)|up\s+and\s+running|working\s+again)\b|\b(?:is|are)\s+now\s+(?:back|working|live|done|active|available|on\s+(?:its|their)\s+way|in\s+your\s+account)\b/;
const DONE_PAST =
  /\b(?:was|were)\s+(?:successfully\s+|fully\s+)?(?:refunded|credited|reimbursed|processed|sent|dispatched|shipped|posted|issued|fixed|resolved|restored|completed|replaced|repaired)\b|\b(?:went|has\s+gone|have\s+gone)\s+(?:out|through)\b/;
const REFERENCE_BACK =
  /\b(?:as\s+(?:i\s+)?promised|as\s+agreed|as\s+(?:i|we)\s+said\s+(?:i|we)\s+would|here(?:'s|\s+is)\s+(?:the|an|my|your)\s+(?:promised\s+)?update|(?:a\s+)?quick\s+update|update\s*:|writing\s+(?:back\s+)?to\s+(?:let\s+you\s+know|update\s+you))/;
/** Before or right after a cue, these undo it: "has not been refunded", "once it has been approved", "we've failed to". */
const NOT_DONE =
  /\b(?:not|never|no|yet\s+to|still\s+(?:waiting|pending)|once|when|if|until|will|shall|going\s+to|hope|should|unable|failed|tried|couldn't|can't|cannot|won't|haven't|hasn't|didn't)\b/;
const CLAUSE_BOUNDARY = /[,;:()]|\s[–—-]\s|\b(?:and|but|so|while|which|although|though)\b/g;

/** Words that say a sentence is about a kind of promise. */
const KIND_WORDS: Record<string, RegExp> = {
  callback: /\b(?:call(?:ed|ing)?|rang|ring|phoned?|spoke|spoken|voicemail|message\s+on\s+your\s+phone)\b/,
  refund: /\b(?:refund(?:ed)?|credit(?:ed)?|reimburs\w*|money\s+back|compensat\w*|repaid)\b/,
  replacement:
    /\b(?:replacement|replaced|dispatch(?:ed)?|shipped|posted|on\s+its\s+way|new\s+(?:one|unit|card|pair|item|device)|resent|re-sent|exchange)\b/,
  fix: /\b(?:fix(?:ed)?|resolved|restored|repaired|working\s+again|back\s+(?:online|up)|sorted|reset|corrected|patched)\b/,
  update:
    /\b(?:update(?:d)?|news|let\s+you\s+know|heard\s+back|checked|confirmed|findings|looked\s+into|found\s+out|the\s+warehouse|the\s+team\s+(?:says|said|confirmed))\b/,
};

const STOPWORDS = new Set(
  "i we you your yours me us our the a an to it this that these those on for with of in at by be will shall get let know make sure again back up out so and or as from into about all any some just now then also please".split(
    " ",
  ),
);

/** A crude stem, enough to meet "refund"/"refunded" and "charge"/"charges". */
function stem(word: string): string {
  const w = word.toLowerCase();
  const irregular: Record<string, string> = { sent: "send", spoke: "speak", spoken: "speak", rang: "ring" };
  if (irregular[w]) return irregular[w];
  for (const suffix of ["ing", "ed", "es", "s"])
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  return w;
}

function contentStems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w) && w.length > 2).map(stem));
}

function sentences(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== "")
      out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return out;
}

/** The clauses of a sentence (cut at commas, "and", "but"…), in order. */
function clauses(lower: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of lower.matchAll(CLAUSE_BOUNDARY)) {
    out.push(lower.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(lower.slice(from));
  return out.filter((c) => c.trim() !== "");
}

const DONE_CUES = [PERFECT, PASSIVE, PAST_BY_US, STATE_REACHED, DONE_PAST];

/**
 * What a sentence reports kept: the whole sentence when it refers back to a promise ("as promised, …"), else each
 * clause that says something was done without a negation or a condition; nothing for a question or a quote.
 */
function completions(sentence: string): Array<{ type: "done" | "reference"; about: string }> {
  const lower = sentence.toLowerCase().replace(/’/g, "'");
  if (lower.startsWith(">") || lower.endsWith("?")) return [];
  const reference = REFERENCE_BACK.exec(lower);
  if (reference) {
    // "As promised, we'll refund you by Friday" restates the promise rather than keeping it.
    const next = clauses(lower.slice(reference.index + reference[0].length))[0] ?? "";
    return NOT_DONE.test(next) || /'ll\b/.test(next) ? [] : [{ type: "reference", about: lower }];
  }
  return clauses(lower)
    .filter((clause) => DONE_CUES.some((re) => re.test(clause)) && !NOT_DONE.test(clause))
    .map((about) => ({ type: "done" as const, about }));
}

/** How strongly a sentence is about a promise: its kind's words count 2, each shared content word 1. */
function relevance(sentence: string, promise: OpenPromise): number {
  const lower = sentence.toLowerCase();
  const kindHit = KIND_WORDS[promise.kind]?.test(lower) ? 2 : 0;
  const mine = contentStems(promise.text);
  let shared = 0;
  for (const s of contentStems(sentence)) if (mine.has(s)) shared++;
  return kindHit + shared;
}

/**
 * The open promises a reply reports as kept, each with the sentence that says so. A clause keeps at most one
 * promise — the most relevant, the oldest on a tie — and each promise is kept once.
 */
export function matchFulfilments(reply: string, open: readonly OpenPromise[]): FulfilmentMatch[] {
  if (typeof reply !== "string" || open.length === 0) return [];
  const kept = new Set<string>();
  const out: FulfilmentMatch[] = [];
  for (const s of sentences(reply.slice(0, 20_000))) {
    for (const cue of completions(s.text)) {
      let best: { id: string; score: number } | null = null;
      for (const p of open) {
        if (kept.has(p.id)) continue;
        const score = relevance(cue.about, p);
        if (score > (best?.score ?? 0)) best = { id: p.id, score };
      }
      // A reference back ("as promised") is enough with any tie to the promise; a bare "done" needs the
      // promise's kind or two of its own words.
      const needed = cue.type === "reference" ? 1 : 2;
      if (best && best.score >= needed) {
        kept.add(best.id);
        out.push({ promiseId: best.id, evidence: s });
      }
    }
  }
  return out;
}
