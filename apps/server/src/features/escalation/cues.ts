/** @module Word-phrase cues (safety, vulnerability, asking for a manager) matched over tokens in one linear pass. */
import type { Token } from "@keel/coach";

/** Phrases keyed by their first word, so each token is compared only with the phrases that can start there. */
export type PhraseSet = ReadonlyMap<string, readonly (readonly string[])[]>;

export function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(words);
    byFirst.set(first, list);
  }
  return byFirst;
}

export interface PhraseHit {
  phrase: string;
  sentence: number;
  start: number;
  end: number;
}

/** Every phrase occurrence over the word tokens (punctuation between words breaks a phrase). */
export function findPhrases(tokens: readonly Token[], set: PhraseSet): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = set.get(tokens[i]?.norm ?? "");
    if (!candidates) continue;
    for (const words of candidates) {
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = tokens[i + k]?.norm === words[k];
      const first = tokens[i];
      const last = tokens[i + words.length - 1];
      if (ok && first && last) {
        hits.push({ phrase: words.join(" "), sentence: first.sentence, start: first.start, end: last.end });
      }
    }
  }
  return hits;
}

/** Risk to someone's safety: these go to a supervisor at once, whatever else the thread says. */
export const SAFETY_PHRASES = phraseSet([
  "kill myself",
  "end my life",
  "end it all",
  "suicide",
  "suicidal",
  "hurt myself",
  "self harm",
  "self-harm",
  "not safe",
  "unsafe",
  "gas leak",
  "smell gas",
  "smell of gas",
  "caught fire",
  "on fire",
  "smoke coming",
  "electric shock",
  "sparking",
  "injured",
  "injury",
  "choking",
  "burned me",
  "burnt me",
  "no heating",
  "no heat",
  "carbon monoxide",
]);

/** Circumstances that call for extra care (FCA-style vulnerability cues: health, life events, resilience, capability). */
export const VULNERABLE_PHRASES = phraseSet([
  "disabled",
  "disability",
  "wheelchair",
  "registered blind",
  "partially sighted",
  "hard of hearing",
  "learning difficulties",
  "not my first language",
  "deaf",
  "dementia",
  "alzheimer's",
  "cancer",
  "chemo",
  "chemotherapy",
  "hospital",
  "terminally ill",
  "mental health",
  "depression",
  "anxiety",
  "panic attacks",
  "elderly",
  "pensioner",
  "my pension",
  "carer",
  "care home",
  "passed away",
  "bereavement",
  "bereaved",
  "funeral",
  "widow",
  "widowed",
  "lost my job",
  "can't afford",
  "cannot afford",
  "food bank",
  "universal credit",
  "struggling financially",
  "struggling to pay",
  "in debt",
  "pregnant",
  "newborn",
  "domestic abuse",
  "on my own",
  "live alone",
]);

/** Someone above the agent. */
export const MANAGER_PHRASES = phraseSet([
  "manager",
  "supervisor",
  "your boss",
  "team leader",
  "team lead",
  "someone senior",
  "someone in charge",
  "person in charge",
  "someone higher up",
  "escalate",
  "escalated",
  "complaints department",
]);

/** Words that turn a mention of a manager into a request for one ("put me through to a manager"). */
export const REQUEST_WORDS: ReadonlySet<string> = new Set([
  "speak",
  "talk",
  "want",
  "need",
  "demand",
  "get",
  "put",
  "let",
  "escalate",
  "escalated",
  "give",
  "connect",
  "transfer",
  "call",
  "contact",
  "insist",
  "request",
  "requesting",
]);
