/** @module A small, dependency-free English suffix stripper: maps "charged", "charges", "charging" to one stem. */

// Irregular forms that suffix rules get wrong but that matter when comparing a reply with a complaint.
const IRREGULAR: Record<string, string> = {
  sent: "send",
  paid: "pay",
  bought: "buy",
  got: "get",
  gotten: "get",
  broke: "break",
  broken: "break",
  lost: "lose",
  left: "leave",
  told: "tell",
  said: "say",
  took: "take",
  taken: "take",
  gave: "give",
  given: "give",
  came: "come",
  went: "go",
  gone: "go",
  was: "be",
  were: "be",
  been: "be",
  is: "be",
  are: "be",
  am: "be",
  children: "child",
  kids: "kid",
  people: "person",
  men: "man",
  women: "woman",
  feet: "foot",
  wrong: "wrong",
};

const VOWEL = /[aeiouy]/;

function undouble(s: string): string {
  const n = s.length;
  if (n > 3 && s[n - 1] === s[n - 2] && !"lsz".includes(s[n - 1] ?? "")) return s.slice(0, -1);
  return s;
}

const CACHE = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Lower-cases and strips common inflectional and derivational suffixes. Linear in the word length; memoised. */
export function stem(word: string): string {
  const hit = CACHE.get(word);
  if (hit !== undefined) return hit;
  const out = stemUncached(word);
  // A bounded cache: a long paste of unique garbage must not grow memory without limit.
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(word, out);
  return out;
}

function stemUncached(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) {
    /* keep: "address", "status", "analysis" */
  } else if (/(?:ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);

  if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ed") && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith("ing") && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));

  for (const [suffix, replacement] of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // "charge"/"charg", "delete"/"delet": drop a final e so both inflected and bare forms meet.
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 3) w = `${w.slice(0, -1)}i`;
  // British doubling ("cancelled", "travelling") meets the American form.
  if (w.endsWith("ll") && w.length > 5) w = w.slice(0, -1);
  return w;
}

const DERIVATIONAL: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"],
  ["ization", "ize"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["ation", "ate"],
  ["ement", ""],
  ["ment", ""],
  ["ness", ""],
  ["ably", "able"],
  ["ibly", "ible"],
  ["fully", "ful"],
  ["ously", "ous"],
  ["ly", ""],
  ["er", ""],
  ["or", ""],
];
