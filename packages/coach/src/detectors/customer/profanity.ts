/** @module Profanity, including elongated ("fuuuck"), masked ("f***", "sh*t") and hashtag ("#shittyservice") forms. */
import { EXCLAMATION_PHRASES, MILD_PROFANITY, STRONG_PROFANITY } from "../../lexicons/customer-profanity.js";
import { spanOf } from "../../text/tokenize.js";
import type { Span } from "../../types.js";
import { type CustomerToken, HASH_FLAG, squash, wordFlag, wordInfo } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";

export interface ProfanityHit {
  span: Span;
  /** Index into `CustomerText.tokens` of the first token of the hit. */
  token: number;
  sentence: number;
  strong: boolean;
  /** Profanity as an exclamation ("holy shit it works"), not aimed at anyone. */
  exclamation: boolean;
}

const STRONG_EXACT = new Set(STRONG_PROFANITY);
const MILD_EXACT = new Set(MILD_PROFANITY);
// Both sides squashed, so "piss", "pissed" and "piiiissed" meet; only for longer words ("as" is not "ass").
const STRONG = new Set(STRONG_PROFANITY.map(squash));
const MILD = new Set(MILD_PROFANITY.map(squash));
const MIN_SQUASHED = 4;
/** Strong words that stay profane with any ending ("fucking", "shitty", "bitching"). */
const PREFIXES = ["fuck", "fck", "shit", "bitch", "bastard", "motherfuck", "ashole", "bulshit", "goddamn"];
const ENDINGS = ["ing", "ed", "er", "s", "y", "in"];
const EXCLAMATIONS = new Set(EXCLAMATION_PHRASES);
const PRAISE = new Set([
  "awesome",
  "amazing",
  "good",
  "great",
  "fast",
  "brilliant",
  "cool",
  "nice",
  "love",
  "loved",
  "perfect",
  "excellent",
  "fantastic",
  "helpful",
  "quick",
  "beautiful",
]);

type Verdict = "strong" | "mild" | null;

// The verdict is a pure function of the word: kept per word (and per hashtag reading), bounded like the stem cache.
const VERDICT_CACHE_LIMIT = 20_000;
const VERDICTS: readonly [Map<string, Verdict>, Map<string, Verdict>] = [new Map(), new Map()];

/** "strong", "mild" or null for one word. */
export function profanityOf(word: string, hashtag = false): Verdict {
  const cache = VERDICTS[hashtag ? 1 : 0];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const verdict = verdictOf(word, hashtag);
  if (cache.size >= VERDICT_CACHE_LIMIT) cache.clear();
  cache.set(word, verdict);
  return verdict;
}

function verdictOf(word: string, hashtag: boolean): Verdict {
  if (word === "GD") return "strong";
  const lower = word.toLowerCase();
  if (STRONG_EXACT.has(lower) && lower !== "gd") return "strong";
  if (MILD_EXACT.has(lower)) return "mild";
  const s = squash(word);
  if (s.length < MIN_SQUASHED) return null;
  if (STRONG.has(s) && s !== "gd") return "strong";
  if (PREFIXES.some((p) => (hashtag ? s.includes(p) : s.startsWith(p)))) return "strong";
  for (const end of ENDINGS) {
    if (s.length > end.length + 2 && s.endsWith(end)) {
      const base = s.slice(0, -end.length);
      if (STRONG.has(base)) return "strong";
      if (MILD.has(base)) return "mild";
    }
  }
  if (MILD.has(s)) return "mild";
  return null;
}

/** Words this detector reads outside a "*" run or a hashtag: profane ones, and a lone "F". */
const PROFANE = wordFlag((s) => s.kind === "word" && (s.text === "F" || verdictOf(s.text, false) !== null));

/** The verdict for a word outside a hashtag, kept on the spelling's shared info. */
function plainVerdict(tok: CustomerToken): Verdict {
  const info = wordInfo(tok);
  const known = info.profanity;
  if (known !== undefined) return known;
  const verdict = verdictOf(tok.text, false);
  info.profanity = verdict;
  return verdict;
}

/** Runs of letters and asterisks like "f***", "sh*t", "****": masked profanity counts as strong. */
function maskedAt(tokens: readonly CustomerToken[], i: number): number {
  let j = i;
  let stars = 0;
  let inner = false;
  let letters = 0;
  while (j < tokens.length) {
    const tok = tokens[j] as CustomerToken;
    if (j > i && (tokens[j - 1] as CustomerToken).end !== tok.start) break;
    if (tok.text === "*") {
      stars++;
      if (letters > 0) inner = true;
    } else if (tok.kind === "word") letters += tok.text.length;
    else break;
    j++;
  }
  const last = tokens[j - 1];
  const endsWithStar = last?.text === "*";
  // "*not*" is emphasis: stars around a word, not inside it.
  if (tokens[i]?.text === "*" && endsWithStar && letters > 0) return -1;
  const ok =
    stars >= 2 ? letters <= 6 && (letters > 0 || stars >= 3) : inner && !endsWithStar && letters >= 2;
  return ok && j - i >= 2 ? j - 1 : -1;
}

/** What a message without profanity gets: shared, so read and never written. */
const NO_PROFANITY: readonly ProfanityHit[] = [];

export function detectProfanity(input: CustomerInput): readonly ProfanityHit[] {
  const { tokens } = input.text;
  const text = input.text.t.text;
  // A masked word needs a "*": without one in the text, no run of tokens can be one.
  const hasStar = text.includes("*");
  if (!hasStar && (input.text.flags & (PROFANE | HASH_FLAG)) === 0) return NO_PROFANITY;
  const hits: ProfanityHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if (tok.ignored || tok.handle) continue;
    if (!hasStar && !tok.hashtag && (tok.flags & PROFANE) === 0) continue;
    if (
      hasStar &&
      (tok.text === "*" || tok.kind === "word") &&
      (i === 0 || (tokens[i - 1] as CustomerToken).end !== tok.start || tok.text === "*")
    ) {
      const end = tok.kind === "word" || tok.text === "*" ? maskedAt(tokens, i) : -1;
      if (end >= 0) {
        const last = tokens[end] as CustomerToken;
        hits.push({
          span: spanOf(text, tok.start, last.end),
          token: i,
          sentence: tok.sentence,
          strong: true,
          exclamation: /^p/i.test(tok.text) && wordNear(tokens, end, 1)?.norm === "off",
        });
        i = end;
        continue;
      }
    }
    if (tok.kind !== "word") continue;
    let level = tok.hashtag ? profanityOf(tok.text, true) : plainVerdict(tok);
    // Most words are clean: the neighbours matter only for a lone "F" or a mild word.
    if (!level && tok.text !== "F") continue;
    const prevWord = wordNear(tokens, i, -1);
    const nextWord = wordNear(tokens, i, 1);
    // "F this airline", "F you": a lone capital F before a target.
    if (!level && tok.text === "F" && nextWord && /^(?:this|that|you|your|off|them)$/.test(nextWord.norm))
      level = "strong";
    // "lazy ass", "dumb ass": the adjective makes the mild word an insult.
    if (
      level === "mild" &&
      /^(?:ass|arse)$/.test(tok.norm) &&
      prevWord &&
      /^(?:lazy|dumb|stupid|fat|smart|useless|broke)$/.test(prevWord.norm)
    )
      level = "strong";
    if (!level) continue;
    hits.push({
      span: spanOf(text, tok.start, tok.end),
      token: i,
      sentence: tok.sentence,
      strong: level === "strong",
      exclamation: isExclamation(tokens, i),
    });
  }
  return hits;
}

function wordNear(tokens: readonly CustomerToken[], i: number, step: number): CustomerToken | undefined {
  for (let k = i + step; k >= 0 && k < tokens.length; k += step) {
    const t = tokens[k] as CustomerToken;
    if (t.kind === "word") return t.sentence === tokens[i]?.sentence ? t : undefined;
    if (t.text !== "," && t.text !== "-") return undefined;
  }
  return undefined;
}

function isExclamation(tokens: readonly CustomerToken[], i: number): boolean {
  const w = (tokens[i] as CustomerToken).norm;
  const core = squash(w).startsWith("fuck") ? "fuck" : squash(w).startsWith("shit") ? "shit" : w;
  const prev = wordNear(tokens, i, -1)?.norm;
  const next = wordNear(tokens, i, 1)?.norm;
  if (prev !== undefined && EXCLAMATIONS.has(`${prev} ${core}`)) return true;
  if (next !== undefined && EXCLAMATIONS.has(`${core} ${next}`)) return true;
  // "fucking awesome", "so damn good": profanity intensifying praise.
  const after = wordNear(tokens, i, 1);
  const afterNext = after ? wordNear(tokens, tokens.indexOf(after, i), 1) : undefined;
  if ([after, afterNext].some((w) => w !== undefined && PRAISE.has(w.norm))) return true;
  // "pissed off" describes the writer's own state.
  if (/^p[i*]/i.test(w) && after?.norm === "off") return true;
  // "Damn, …" / "Shit! …" opening a sentence is an interjection, aimed at no one.
  const sentenceStart = prev === undefined;
  const punct = tokens[i + 1];
  return (
    sentenceStart &&
    punct !== undefined &&
    punct.start === tokens[i]?.end &&
    (punct.text === "," || punct.text === "!")
  );
}
