/** @module Small word lists the customer detectors share: slang spellings, negators, intensifiers, acronyms. */

/** Twitter spellings mapped to the form the lexicons use. */
export const SLANG: Readonly<Record<string, string>> = {
  dont: "don't",
  didnt: "didn't",
  doesnt: "doesn't",
  cant: "can't",
  wont: "won't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  aint: "ain't",
  im: "i'm",
  ive: "i've",
  youre: "you're",
  youve: "you've",
  theyre: "they're",
  u: "you",
  ya: "you",
  ur: "your",
  yr: "your",
  r: "are",
  pls: "please",
  plz: "please",
  plse: "please",
  thx: "thanks",
  thanx: "thanks",
  ty: "thanks",
  tysm: "thanks",
  b4: "before",
  ppl: "people",
  cuz: "because",
  coz: "because",
  bc: "because",
  gonna: "going",
  wanna: "want",
  soo: "so",
  noo: "no",
  whyy: "why",
  hv: "have",
  w: "with",
  cancelled: "canceled",
  cancelling: "canceling",
  cancellation: "cancelation",
  neighbour: "neighbor",
  neighbours: "neighbors",
};

/** Words that negate what follows (words ending in n't are negators too). */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "nothing",
  "nobody",
  "none",
  "neither",
  "nor",
  "cannot",
  "without",
  "hardly",
  "barely",
  "lack",
  "nowhere",
]);

/** Words that end a negation's scope before the sentence does. */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set(["but", "however", "though", "although", "yet"]);

/** Intensifiers with the multiplier they give the next emotional word. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  so: 1.4,
  very: 1.3,
  really: 1.3,
  extremely: 1.6,
  absolutely: 1.6,
  completely: 1.5,
  totally: 1.5,
  utterly: 1.7,
  incredibly: 1.5,
  ridiculously: 1.6,
  beyond: 1.5,
  truly: 1.3,
  seriously: 1.4,
  super: 1.3,
  too: 1.2,
  most: 1.3,
  fucking: 1.8,
  bloody: 1.5,
  damn: 1.4,
  freaking: 1.5,
  frickin: 1.5,
  effing: 1.6,
  such: 1.3,
  quite: 1.1,
  insanely: 1.6,
  unbelievably: 1.6,
  beyond_belief: 1.6,
};

/** Upper-case words that are acronyms or codes, not shouting. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  (
    "UPS USPS DHL FEDEX TNT DPD GLS USA UK EU US ID PIN ATM OK TV DM DMS PM AM FAQ PDF API SMS MMS IOS OS PC MAC " +
    "CEO CFO CTO HR IT FCC FTC CFPB BBB FCA FOS ICO DOT FAA SEC OCC ACCC CRA IRS HMRC NHS VAT GST EMI IMEI SIM " +
    "ESIM WIFI LTE GPS USB HDMI CD DVD PS PS4 PS5 XBOX NFL NBA MLB NHL BBC CNN ABC NBC CBS HBO AT&T ATT TMOBILE " +
    "LOL LMAO OMG WTF SMH FYI BTW IMO TBH ASAP RSVP ETA NYC LA SF DC LAX JFK LHR SFO ORD DFW ATL MSP RDU GLC WGN " +
    "CC CVV SSN DOB PNR AWB UPI INR USD EUR GBP CAD AUD NZD JPY NASA AI URL WWW HTTP HTTPS COVID TSA PIN2 MFA OTP " +
    "KYC POS POA NFC APR APY EMV AMEX VISA MC SSL VPN ISP DNS CPU GPU RAM SSD HDD LED LCD OLED HD UHD AC DC " +
    "AA BA UA DL AS WN B6 NK EK QR LH AF KL VS EI FR U2 AKA ETC TBD TBA NA N/A PST EST CST MST GMT UTC BST CET"
  ).split(" "),
);

/** Common short words that are shouting when written in capitals ("WHY", "NOW"). */
export const SHOUTED_SHORT_WORDS: ReadonlySet<string> = new Set(
  "NOW WHY YOU NOT ANY HOW THE AND ARE YOU BUT FOR CAN YES DID WAS SAY GET OUT ALL OFF BAD FIX".split(" "),
);
