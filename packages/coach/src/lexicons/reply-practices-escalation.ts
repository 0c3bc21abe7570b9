/** @module Customer-side cues that a case needs a supervisor: legal, safety, manager requests, repeats, vulnerability. */

export interface EscalationCue {
  reason: EscalationReason;
  weight: number;
  re: RegExp;
}

export type EscalationReason =
  | "legal"
  | "regulator"
  | "safety"
  | "manager_request"
  | "repeated_failure"
  | "abuse_after_warning"
  | "vulnerable"
  | "public_threat";

export const ESCALATION_CUES: readonly EscalationCue[] = [
  {
    reason: "legal",
    weight: 2.2,
    re: /\b(?:lawyers?|solicitors?|attorneys?|sue|suing|lawsuit|legal\s+action|legal\s+advice|take\s+(?:you|this|it)\s+to\s+court|small\s+claims|(?:to|in)\s+court|court\s+(?:action|case|claim)|class\s+action|letter\s+before\s+action|laws?\s+against|illegal|unlawful|breach\s+of\s+contract|violat\w*\s+(?:contracts?|the\s+law|my\s+rights|my\s+privacy)|discriminat\w*|sexis[mt]|racis[mt]|gdpr|data\s+breach|security\s+breach|hacked|price\s+gouging)\b/gi,
  },
  {
    reason: "regulator",
    weight: 2.2,
    re: /\b(?:ombudsman|ofcom|ofgem|ofwat|fca|cfpb|ftc|fcc|bbb|better\s+business\s+bureau|trading\s+standards|regulator|attorney\s+general|ico|data\s+protection\s+(?:authority|complaint)|consumer\s+(?:rights|protection)|formal\s+complaint|financial\s+ombudsman|caa|abta|dot\s+complaint)\b/gi,
  },
  {
    reason: "safety",
    weight: 2.4,
    re: /\b(?:fire|caught\s+fire|on\s+fire|smoke|smoking|smoulder\w*|burn(?:t|ed|ing|s)?|scald\w*|explod\w*|explosion|spark(?:s|ing|ed)?|electric(?:al)?\s+shock|electrocut\w*|gas\s+leak|smell\s+(?:of\s+)?gas|carbon\s+monoxide|injur\w*|hurt|bleed\w*|cut\s+(?:my|his|her|their)|chok\w*|allergic\s+reaction|anaphyla\w*|ambulance|poison\w*|food\s+poisoning|mou?ldy?|glass\s+in|foreign\s+object|unsafe|dangerous|hazard\w*|overdos\w*|wrong\s+(?:dose|dosage|medication|tablets?|pills?)|safe\s+to\s+(?:drink|eat|use|drive)|scared\s+to\s+(?:drive|use)|brakes?|pouring\s+oil|hard\s+shoulder|burst\s+pipe|manhole|flood\w*|exposed\s+wires?|nearly\s+fell|fell\s+(?:in|over|down)|dizz\w*|brown\s+water)\b/gi,
  },
  {
    reason: "manager_request",
    weight: 2.2,
    re: /\b(?:(?:speak|talk)\s+(?:to|with)\s+(?:a|your|the)\s+(?:manager|supervisor|someone\s+senior|senior)|(?:get|give|put)\s+me\s+(?:a|your|the)\s+(?:manager|supervisor)|(?:your|a|the)\s+(?:manager|supervisor|ceo|head\s+of)\b|escalat\w*|complaints?\s+(?:department|team|procedure|process)|raise\s+a\s+complaint|(?:a|formal)\s+complaint\s+(?:will|is\s+going)|file\s+a\s+complaint|make\s+a\s+complaint|someone\s+senior|someone\s+(?:in\s+charge|who\s+(?:actually\s+)?knows)|take\s+responsibility)\b/gi,
  },
  {
    reason: "repeated_failure",
    weight: 1.8,
    re: /\b(?:(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+(?:st|nd|rd|th))\s+(?:\w+\s+)?(?:time|chat|ticket|call|email|message|complaint|outage|attempt)|(?:two|three|four|five|six|several|multiple|many|countless|\d+)\s+(?:tickets|calls|chats|emails|voicemails|complaints|transfers)|twice\s+(?:already|now|before)|(?:already|now)\s+twice|(?:called|rang|contacted|emailed|chatted|messaged|phoned|reported|complained|asked|chased|calling|emailing|chasing)\s+(?:[\w']+\s+){0,3}?(?:twice|\d+\s+times|several\s+times|multiple\s+times|(?:so\s+)?many\s+times|for\s+months|every\s+(?:day|week))|(?:with|to)\s+(?:over\s+)?\d+\s+(?:advisors|agents|people|different\s+people)|let\s+down\s+after\s+let\s+down|continually\s+(?:lied|ignored)|no\s*(?:one|body)\s+(?:ever\s+)?contacted|no\s*(?:one|body)\s+(?:has\s+|ever\s+)?(?:called|replied|responded|got\s+back|knows)|runaround|round\s+in\s+circles|(?:was|been|were)\s+promised|you\s+promised|yet\s+again|again\s+and\s+again)\b/gi,
  },
  {
    reason: "repeated_failure",
    weight: 0.9,
    re: /\b(?:again|still\s+(?:not|no|hasn't|haven't|isn't|waiting|broken|nothing|doesn't|don't|can't)|keep\s+(?:telling|getting|saying|being|sending|promising|cancell?ing|ignoring)|(?:no|never\s+got\s+a)\s+(?:call\s?back|response|reply|answer)|(?:for|over|in)\s+(?:\d+|two|three|four|five|six|several)\s+(?:weeks|months)|day\s+\d+|week\s+\d+|(?:weeks?|months?)\s+(?:now|later|ago)|every\s+time|ignoring\s+(?:me|my|us)|being\s+ignored|hung\s+up\s+on|keeps?\s+(?:cancell?ing|deducting|charging)|still\s+hasn't|\d+\s+(?:months|weeks)|(?:not|never)\s+(?:happened|refunded|fixed|resolved))\b/gi,
  },
  {
    reason: "public_threat",
    weight: 0.7,
    re: /\b(?:trustpilot|tiktok|facebook|twitter|instagram|the\s+press|newspaper|journalist|watchdog|bbc|review\s+sites?|everyone\s+(?:knows|will\s+know)|make\s+sure\s+(?:everyone|people)|go(?:ing)?\s+public|charg(?:e|ing)\s+(?:it\s+)?back|chargeback|dispute\s+(?:it\s+)?with\s+my\s+(?:bank|card)|card\s+provider|look\s+elsewhere|(?:moving|move|take|taking)\s+my\s+(?:\w+\s+)?(?:business|money|salary|account)\s+elsewhere|clos(?:e|ing)\s+my\s+account|cancel(?:l?ing)?\s+my\s+(?:contract|subscription|account)|deleting\s+(?:this|the)\s+app|switch(?:ing)?\s+(?:to|provider))\b/gi,
  },
  {
    reason: "vulnerable",
    weight: 1.8,
    re: /\b(?:passed\s+away|died|death|funeral|bereave\w*|widow\w*|terminal\w*|cancer|chemo\w*|dialysis|disabilit\w*|disabled|wheelchair|blind|deaf|dementia|alzheimer\w*|carer|oxygen|elderly|pensioner|\d{2}\s*-?\s*year[s-]?\s*old\s+(?:mother|father|mum|mom|dad|gran\w*|parent)|(?:my\s+)?(?:\d+\s+month|newborn|baby|little\s+one)|food\s+bank|mental\s+health|suicid\w*|self[-\s]harm|depress\w*|domestic\s+abuse|vulnerable|scam(?:med)?|fraud(?:ster)?s?|safe\s+account|i'?m\s+(?:[7-9]\d|1[0-7])(?!\s*(?:minutes|mins|hours|days|%|pounds|quid))|my\s+parents|not\s+to\s+tell|stranded|desperate|undocumented|asking\s+(?:me\s+)?for\s+(?:pictures|photos|pics))\b/gi,
  },
];

/** Hardship and health mentions: a reason for care, and for escalation only alongside something else. */
export const WEAK_VULNERABILITY: EscalationCue = {
  reason: "vulnerable",
  weight: 1,
  re: /\b(?:can't\s+afford|cannot\s+afford|overdrawn|on\s+benefits|universal\s+credit|paycheck\s+to\s+paycheck|rent\s+(?:is\s+)?due|struggling\s+financially|pregnan\w*|medication|prescription|insulin|hospital|a&e)\b/gi,
};

/** A previous agent message that already set a boundary about the customer's language. */
export const BOUNDARY_WARNING =
  /\b(?:language|abusive|abuse|respectful|respect|tolerate|swearing|profanity|offensive|insults?|name[-\s]calling|end\s+(?:this|the)\s+(?:chat|call|conversation))\b/i;

/** Insults and profanity aimed at us, for "abuse after a warning" while customer analysis is not available. */
export const ABUSE =
  /\b(?:f+u+c+k+\w*|f\*+\w*|sh[i*]t\w*|bullsh\w*|bastards?|idiots?|morons?|stupid|useless|incompetent|clowns?|scum\w*|thie(?:f|ves)|scammers?|crooks?|pathetic|disgrace\w*|twats?|dickheads?|wankers?|cunts?|assholes?|arseholes?|piss\w*|p\*+ed|crap|damn|wtf|joke)\b/gi;
