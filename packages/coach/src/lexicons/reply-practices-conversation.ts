/** @module Cues for replies that invite a choice, restate the problem or name the customer's feelings. */

/** Inside a question, an offer the customer can accept, refuse or shape ("Shall I add one?", "Which suits you?"). */
export const OFFER_QUESTION =
  /\b(?:would|do|did)\s+you\s+(?:prefer|rather|want|like)\b|\bwould\s+you\s+be\s+(?:happy|ok|okay|open)\b|\b(?:shall|should)\s+(?:i|we)\b|\b(?:can|may)\s+(?:i|we)\s+(?!help|assist|know|check|ask|confirm|get|have|see|just|take|grab)\w|\b(?:do\s+you\s+)?want\s+(?:me|us)\s+to\b|\bwhich\s+(?:would|do|option|one|works?|suits?|is\s+(?:better|easier)|dates?|days?|times?|of\s+(?:those|these|them|the\s+\w+))\b|\bwould\s+(?:it|that|this|a|an|either|any|one|both|mornings?|afternoons?|evenings?|\w+day)\b[^?]{0,80}\b(?:suit|easier|useful|helpful|help|work|better|ok|okay|good)\b|\b(?:what|when)\s+(?:would|works?|suits?)\b[^?]{0,40}\b(?:you|best)\b|\bwhat\s+\w+\s+(?:were|are)\s+you\s+(?:thinking|hoping|looking)\b|\bhow\s+would\s+you\s+like\b|\bwhat\s+(?:would\s+)?(?:is\s+it\s+)?(?:that\s+)?you(?:'re|\s+are)?\s+(?:looking\s+for|hoping\s+for|like\s+us\s+to\s+do)\b|\bwhat\s+outcome\b|\bhow\s+can\s+we\s+make\s+(?:this|it)\s+right\b/i;

/** Statements that hand the customer the choice ("you can choose either option", "whichever you prefer"). */
export const CHOICE_STATEMENT =
  /\byou\s+(?:can|could|may)\s+(?:choose|pick|decide)\b|\bwhichever\s+you\s+(?:prefer|choose|like|want)\b|\b(?:it's\s+)?(?:entirely\s+)?up\s+to\s+you\b|\bif\s+you(?:'d|\s+would)\s+rather\b|\b(?:let\s+(?:us|me)\s+know|tell\s+(?:us|me))\s+(?:which|what|how|either\s+way)\b[^.?!]{0,30}\b(?:prefer|like|want|suits?|works?|way)\b/gi;

/** Frames that announce a restatement: "so if I understand correctly", "it sounds like", "you're saying". */
export const PARAPHRASE_FRAME =
  /\b(?:so\s+)?if\s+i(?:'ve|\s+have)?\s+understood?\b|\bif\s+i\s+understand\b|\b(?:it|that)\s+sounds\s+like\b|\bsounds\s+like\s+you\b|\byou(?:'re|\s+are)\s+saying\b|\bwhat\s+i(?:'m|\s+am)\s+hearing\b|\bi\s+understand\s+(?:that\s+)?(?:you|your)\b|\bjust\s+to\s+(?:confirm|clarify|check|make\s+sure|better\s+understand|recap|summari[sz]e)\b|\bto\s+(?:recap|summari[sz]e|confirm\s+i)\b|\b(?:so|to\s+make\s+sure|(?:just\s+)?to\s+check)\s+(?:i'm\s+|i\s+am\s+)?(?:sure\s+)?i(?:'ve|\s+have)\s+(?:got\s+|understood\s+)?(?:it|this|that|the\s+full\s+picture|everything)(?:\s+right)?\b|\bif\s+i(?:'ve|\s+have)\s+got\s+(?:it|this|that)\s+right\b|\bso\s+you(?:'ve|\s+have|'re|\s+are|\s+were|'d)?\b|\byou(?:'d|\s+would)\s+like\s+to\b|\byou\s+mentioned\b|\bfrom\s+what\s+you(?:'ve)?\s+(?:said|described|wrote)\b|\bas\s+i\s+understand\s+it\b|\bin\s+other\s+words\b/gi;

/** Feeling words an empathetic sentence names. */
export const FEELING =
  /\b(?:frustrat\w*|stress\w*|worr\w*|scar(?:y|ed|ing)|frighten\w*|upset\w*|disappoint\w*|anxi\w*|annoy\w*|infuriat\w*|maddening|exhaust\w*|draining|overwhelm\w*|distress\w*|alarm\w*|unsettl\w*|awful|horrible|terrible|nightmare|no\s+fun|not\s+fun|not\s+okay|isn't\s+ok(?:ay)?|unacceptable|embarrass\w*|inconvenient|difficult|hard|tough|rough|worst|panic\w*|heartbreak\w*|devastat\w*|confus\w*|helpless|let\s+down|fed\s+up|last\s+thing\s+you\s+need|too\s+long|long\s+(?:time|wait)|far\s+too|shouldn't\s+have\s+(?:to|had\s+to)|gutt(?:ing|ed)|grumbl\w*|angry|anger|relieved|pressure|shaken|shook|violat\w*|undignified|indignit\w*|grie(?:ving|f)|heartbroken|a\s+lot\s+to\s+take\s+in|no\s+wonder|entitled\s+to\s+be|understandabl[ey]|oh\s+no|argh|scary|terrif\w*|lonely|humiliat\w*|insult\w*|hurtful|painful|dread\w*|miserable|gutted|sick\s+of|tired\s+of|nerve-?wracking|the\s+worst)\b/gi;

/** Phrases that frame a feeling as the customer's ("I can imagine", "must be", "that's a…"). */
export const EMPATHY_FRAME =
  /\b(?:i\s+can\s+(?:only\s+)?imagine|(?:that|this|it)\s+(?:must|would)\s+(?:be|have\s+been|feel)|must\s+(?:be|have\s+been|feel)|i\s+(?:completely\s+|totally\s+|fully\s+|can\s+)?(?:understand|get|see|hear)\s+(?:why|how|that)|i\s+(?:get|understand)\s+(?:that|it)\s*[,.!—-]|i'd\s+(?:be|feel)\s+(?:the\s+same|\w+ing\s+too|\w+\s+too)|no\s+wonder|(?:is|are)\s+(?:your|the)\s+[\w\s]{1,20}\s+(?:ok|okay|alright|safe|all\s+right)\b|hope\s+(?:you|your|they|he|she)\b[^.?!]{0,30}\b(?:ok|okay|well|safe|better)\b|especially\s+(?:with|when|since|as)|on\s+top\s+of|after\s+(?:all|everything))\b/gi;

/** Stock empathy that names nothing specific ("I understand your frustration", "sorry for any inconvenience"). */
export const STOCK_EMPATHY =
  /\b(?:i|we)\s+(?:completely\s+|totally\s+|fully\s+)?(?:understand|appreciate|recognise|recognize|hear)\s+(?:your|the)\s+(?:frustration|concern|disappointment|annoyance|inconvenience|situation|feelings?)\b|\b(?:sorry|apologi[sz]e)\s+(?:for\s+(?:any|the)\s+inconvenience|if|for\s+any)\b|\bwe\s+understand\s+how\s+(?:frustrating|annoying|upsetting)\s+(?:this|that|it)\s+(?:can|may|might)\s+be\b/gi;
