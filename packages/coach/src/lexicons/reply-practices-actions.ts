/** @module Cues for concrete next steps and information requests in replies (next_step, clarifying_question). */

const ACTION_VERBS =
  "send|sent|pass|passed|escalat\\w*|refund\\w*|rais\\w*|arrang\\w*|replac\\w*|credit\\w*|reship\\w*|check\\w*|look\\w*|investigat\\w*|contact\\w*|call\\w*|email\\w*|follow\\w*|updat\\w*|book\\w*|process\\w*|issu\\w*|reset|fix\\w*|resolv\\w*|cancel\\w*|transfer\\w*|add\\w*|appl\\w*|shar\\w*|forward\\w*|submit\\w*|request\\w*|report\\w*|flag\\w*|chas\\w*|get|gotten|put|open\\w*|log\\w*|note\\w*|notif\\w*|alert\\w*|reach\\w*|speak\\w*|talk\\w*|ask\\w*|mak\\w*|schedul\\w*|organis\\w*|organiz\\w*|reimburs\\w*|compensat\\w*|waiv\\w*|revers\\w*|restor\\w*|reactivat\\w*|unlock\\w*|dispatch\\w*|ship\\w*|deliver\\w*|collect\\w*|refer\\w*|text\\w*|give|keep|work|review\\w*|confirm\\w*|sort\\w*|gave|given|pick\\w*|tak\\w*";

const WE =
  "(?:we|i|our\\s+(?:team|engineers?|specialists?|technicians?|manager|supervisor|\\w+\\s+team)|the\\s+team|someone|a\\s+(?:specialist|technician|engineer|manager|supervisor|handler))";
// Verbs after "I can" / "I'll" that state a feeling or a formality rather than an action.
const NOT_ACTIONS =
  "be\\s+(?:happy|glad|sorry|honest|more\\s+than\\s+happy)|assure|understand|imagine|see|only\\s+apologi[sz]e|apologi[sz]e|appreciate|tell\\s+you\\s+that|say|confirm\\s+that|not|never|only|try\\s+our\\s+best|help|assist|advise|suggest|further|while|improve|have\\b|know|do\\s+(?:that|this|is)|check\\s+that";

/** "we'll refund", "I can change it", "I've frozen your card", "we're repairing it", "our team will call". */
export const WE_ACT = new RegExp(
  [
    `\\b${WE}(?:'ll|\\s+will|\\s+shall|\\s+can|\\s+could|\\s+(?:am|are|is)\\s+going\\s+to|'m\\s+going\\s+to|'re\\s+going\\s+to|'d\\s+like\\s+to|\\s+would\\s+like\\s+to)\\s+(?:personally\\s+|also\\s+|now\\s+|just\\s+|then\\s+|immediately\\s+)?(?!${NOT_ACTIONS})(?:${ACTION_VERBS}|[a-z]{3,})\\b`,
    `\\b${WE}(?:'ve|\\s+have|\\s+has)\\s+(?:just\\s+|already\\s+|now\\s+|also\\s+)?(?!been\\b|had\\b)(?:[a-z]+(?:ed|en|wn|ung|ought|ot|ut|ent|ound)|set|put|got|sent|made|told|found|paid)\\b`,
    `\\b${WE}(?:'re|\\s+are|'m|\\s+am|\\s+is)\\s+(?:now\\s+|currently\\s+|already\\s+|also\\s+|personally\\s+)?(?!going\\b|writing\\b|sorry\\b|afraid\\b|unable\\b|having\\b|showing\\b|seeing\\b|hoping\\b|getting\\b)[a-z]{3,}ing\\b`,
    "\\b(?:will|'ll)\\s+(?:\\w+\\s+)?(?:contact|call|email|e-mail|text|update|visit|arrive|send|deliver|reach|ring|collect|refund|credit|replace|fix|repair|be\\s+(?:there|with\\s+you|in\\s+touch|back|fixed|restored|sorted|credited|refunded))\\b",
  ].join("|"),
  "gi",
);

/** Imperatives and invitations for the customer to act: "please DM us", "you can call", "try restarting". */
export const YOU_ACT =
  /(?:^|[.!?\n]\s*|\b(?:please|kindly|pls|plz)\s+|\byou\s+(?:can|could|may|might\s+want\s+to|should|will\s+need\s+to|need\s+to)\s+|\bfeel\s+free\s+to\s+|\b(?:i|we)(?:'d|\s+would)?\s+(?:recommend|suggest|advise|encourage)\s+(?:you\s+)?(?:to\s+)?|\bbest\s+(?:way|option)\s+(?:is|would\s+be)\s+to\s+)(?:dm|direct\s+message|send|reach\s+out|contact|call|ring|visit|check|go\s+to|click|tap|follow|fill|email|e-mail|chat|try|restart|reboot|reset|update|reinstall|uninstall|clear|log\s+(?:in|out)|sign\s+(?:in|out)|head\s+(?:to|over)|speak\s+(?:to|with)|pop|drop|message|text|use|open|select|choose|navigate|turn|switch|unplug|plug|remove|delete|install|download|report|forward|take|bring|return|ask|refer|see\s+(?:the|this|our\s+\w+\s+(?:article|guide|page))|get\s+in\s+touch|keep\s+an\s+eye|let\s+us\s+know|reply|respond|upload|make\s+sure|ensure|tell|connect|give|submit|cancel|upgrade|book|walk|pay|add|apply|place|enable|disable|look|keep|wait|twist|rinse|lift|hold|press|charge|sign\s+up|register|print|show|mention|quote)\b/gim;

/** "you can upgrade under Settings", "you'll need an emergency document": options the customer can act on now. */
export const YOU_CAN =
  /\byou(?:\s+can|\s+could|\s+may|\s+might\s+want\s+to|'ll\s+need\s+to|\s+will\s+need\s+to|\s+need\s+to|'ll\s+need|\s+should)\s+(?!not\b|only\b|also\s+see\b)(?:also\s+|still\s+|always\s+|now\s+)?[a-z]{3,}\b/gi;

/** "Have you tried …?" is advice, so it is a next step rather than a question. */
export const HAVE_YOU_TRIED =
  /\b(?:(?:have|did)\s+you\s+(?:already\s+|also\s+|ever\s+)?(?:tried|try|checked|check|restarted|reset|cleared|updated|contacted|reached\s+out)|(?:can|could|would)\s+you\s+(?:please\s+)?try|does\s+\w+ing\b[^?]*\b(?:help|work|fix|make\s+(?:a|any)\s+difference))\b/gi;

export const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+|\bt\.co\/\S+/gi;
/** A bare home page or a generic help centre is a deflection, not a specific resource. */
export const GENERIC_LINK =
  /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+\/?(?:help|support|faq|contact(?:-us)?|en-\w\w)?\/?$/i;
export const PHONE =
  /(?:\+?\d{1,3}[\s-]?)?\(?\b\d{3,4}\)?[\s.-]\d{3}[\s.-]\d{3,4}\b|\b1-?8\d\d-?\w{3}-?\w{4}\b/g;
export const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g;
/** "see our website", "check our FAQ" with nothing specific. */
export const VAGUE_DEFLECTION =
  /\b(?:see|visit|check(?:\s+out)?)\s+(?:our|the)\s+(?:website|site|faqs?|help\s+(?:centre|center|pages?|site)|support\s+(?:page|site))\b(?!\s*(?:here|at|:|https?))/gi;

/** Things we might ask the customer for. */
const INFO_NOUNS =
  "order|account|number|e-?mail\\s+address|address|name|post\\s?code|zip|phone\\s+number|device|model|os|version|error|screenshot|photo|pic|picture|image|receipt|barcode|booking|reference|ref|serial|tracking|ticket|case|date|store|location|branch|card|browser|router|confirmation|invoice|username|id|flight|train|route|station|code|amount|sort\\s+code|dates?|time|photos?|pictures?|copy|make|colou?r|size";
const INFO_VERB =
  "dm|direct\\s+message|send|share|provide|confirm|tell|give|include|attach|reply\\s+with|let\\s+(?:us|me)\\s+know|advise|pop|drop|post|show";
const INFO_VIA =
  "(?:(?:us|me|over|across|through|along|in|via|with|a\\s+(?:dm|direct\\s+message|private\\s+message|message|pm))\\s+){0,3}";

/** "please DM us your order number", "can you send a screenshot of the error", "DM us more details". */
export const INFO_REQUEST = new RegExp(
  `\\b(?:${INFO_VERB})\\s+${INFO_VIA}(?:(?:your|the|which|what|when|where|how|whether|full|exact|specific|a\\s+(?:screenshot|photo|pic|picture|copy))\\s+(?:[\\w-]+\\s+){0,2}?(?:${INFO_NOUNS})|(?:more|further|additional|some\\s+more|a\\s+few\\s+more)\\s+(?:details|info|information))\\b`,
  "gi",
);

/** "I just need your sort code", "all I need is the order number": a request for information phrased as a need. */
export const NEED_INFO = new RegExp(
  `\\b(?:i|we)\\s+(?:just\\s+|only\\s+|will\\s+|'ll\\s+)?need\\s+(?:to\\s+(?:know|see|check)\\s+)?(?:your|the|a|an)\\s+(?:[\\w-]+\\s+){0,2}?(?:${INFO_NOUNS})\\b|\\ball\\s+(?:i|we)\\s+need\\s+is\\b`,
  "gi",
);

/** Questions that ask nothing we need ("anything else?", "how can I help?"). */
export const EMPTY_QUESTION =
  /\b(?:anything\s+else|(?:how|what)\s+(?:can|may|could)\s+(?:we|i)\s+(?:help|assist|do)|can\s+(?:we|i)\s+help|any\s+(?:other\s+)?questions|does\s+that\s+help|make\s+sense|is\s+there\s+(?:anything|something)|still\s+need\s+(?:help|assistance|support))\b/i;

/** Opening words of a real question ("What error…?", "Can you confirm…?", "Is it…?"). */
export const QUESTION_OPENER =
  /\b(?:what|which|when|where|who|whose|how\s+(?:long|many|much|often|did|do|does|are|is|was)|why|is|are|was|were|do|does|did|has|have|had|can|could|would|will|may|might)\b/i;
