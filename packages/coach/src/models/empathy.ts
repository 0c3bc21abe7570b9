/**
 * @module Empathy mechanisms of a reply (EPITOME's emotional reactions, interpretations, explorations), 0/1/2 each.
 * Lexical rules: the only empathy-labelled corpus is non-commercial, so it scores these rules and never fits them.
 */
import { normalizeWord } from "../text/tokenize.js";
import type { EmpathyLevels } from "../types.js";

// Strong emotional reaction: warmth stated explicitly and about the person.
const ER_STRONG =
  /\b(?:(?:i'm|i am|we're|we are) (?:so |really |truly |very )?sorry (?:to hear|for|that|you)|my heart (?:goes out|breaks)|(?:sending|send) (?:you )?(?:hugs|love)|hugs|i feel (?:for|so bad for) you|that (?:must be|sounds) (?:so |really )?(?:hard|awful|terrible|scary|painful|frustrating|rough|difficult|exhausting)|i'm (?:so |really )?sad (?:to hear|for you))\b|<3|❤/;
// Weak emotional reaction: warmth alluded to (sympathy, hope, encouragement).
const ER_WEAK =
  /\b(?:sorry|that sucks|(?:i )?hope (?:you|things|it|this)|you(?:'re| are) not alone|take care|hang in there|stay strong|you(?:'ve| have) got this|you can do (?:it|this)|be kind to yourself|it(?:'s| is| will be) (?:ok|okay|going to be ok)|proud of you|glad you)\b/;
// Strong interpretation: a specific understanding, or the writer's own similar experience.
const IP_STRONG =
  /\b(?:i(?:'ve| have) (?:been|had|felt|gone|struggled|dealt)|i (?:was|went|had|felt|used to|struggled|know what it(?:'s| is) like|can relate)|me too|same here|same (?:thing )?happened|happened to me|(?:it|that) sounds like you|(?:it|that) seems like you|you (?:must|might) (?:be|feel)|you(?:'re| are) (?:probably )?feeling)\b/;
// Weak interpretation: understanding claimed in general terms.
const IP_WEAK =
  /\b(?:i (?:totally |completely )?(?:understand|get it|know how you feel|see (?:why|how|what you mean))|understandable|makes sense)\b/;
// Exploration cues inside a question addressed to the reader.
const EXPLORE_FEELINGS =
  /\b(?:feel|feeling|felt|going on|happened|happening|doing|talk|mean|think|want|like|been|going through|cope|coping|help)\b/;
const SECOND_PERSON = /\b(?:you|your|you're|you've|yourself)\b/;

/** Each question sentence (text since the previous sentence end, up to and including `?`), in one linear pass. */
function questions(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 63) out.push(text.slice(start, i + 1));
    if (c === 46 || c === 33 || c === 63 || c === 10) start = i + 1;
  }
  return out;
}

export function empathyLevels(reply: string, _customer: string | null = null): EmpathyLevels {
  return empathyLevelsOfLowered(normalizeWord(reply));
}

/** `empathyLevels` of a text already lower-cased with straight apostrophes (`normalizeWord`). */
export function empathyLevelsOfLowered(lower: string): EmpathyLevels {
  const emotional_reactions = ER_STRONG.test(lower) ? 2 : ER_WEAK.test(lower) ? 1 : 0;
  const interpretations = IP_STRONG.test(lower) ? 2 : IP_WEAK.test(lower) ? 1 : 0;
  let explorations: 0 | 1 | 2 = 0;
  for (const question of questions(lower)) {
    if (!SECOND_PERSON.test(question)) continue;
    explorations = EXPLORE_FEELINGS.test(question) ? 2 : 1;
    if (explorations === 2) break;
  }
  return { emotional_reactions, interpretations, explorations };
}
