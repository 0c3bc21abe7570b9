/** @module Canned customer-service filler: phrases that read the same whatever the customer wrote. */

export interface RoboticEntry {
  p: string;
  w: number;
  /** Templates that route the customer elsewhere (DM, ticket, help site) rather than stock courtesy. */
  routing?: boolean;
  /** A better line for this exact phrase, when one fits without knowing the case. */
  replacement?: string;
}

export const ROBOTIC_PHRASES: readonly RoboticEntry[] = [
  {
    p: "dear customer|member|policyholder|sir|madam|valued|client|passenger|guest",
    w: 0.8,
    replacement: "Hi [first name],",
  },
  {
    p: "thank you|thanks for contacting|your email|your enquiry|your inquiry|your message|your recent|getting in|reaching out",
    w: 0.3,
  },
  { p: "thank you for being a valued", w: 0.85 },
  { p: "is there anything else ..2 help|assist", w: 0.65 },
  { p: "we are always here to help", w: 0.6 },
  { p: "we are|remain committed to providing|delivering|offering|ensuring", w: 0.75 },
  { p: "highest|high standard|standards of|quality", w: 0.5 },
  { p: "continued value", w: 0.7 },
  { p: "but are|is not limited to", w: 0.7 },
  { p: "as per", w: 0.35 },
  { p: "for answers to common questions", w: 0.75 },
  { p: "faq|faqs", w: 0.4, routing: true },
  { p: "have you already tried", w: 0.45, routing: true },
  { p: "just to confirm", w: 0.3 },
  { p: "using|follow|following the steps here|listed|on|in", w: 0.45, routing: true },
  { p: "sign|signing up here|for notifications|for updates", w: 0.45, routing: true },
  { p: "we have logged|recorded|registered the|your issue|concern|complaint|feedback", w: 0.5 },
  { p: "we will pass|pass on|pass this|along|your comments|thoughts|feedback", w: 0.4 },
  { p: "please note", w: 0.35 },
  { p: "please be aware", w: 0.55 },
  { p: "sometimes this happens", w: 0.6 },
  { p: "try again later", w: 0.45 },
  { p: "please make sure you are using the latest", w: 0.55, routing: true },
  { p: "please log in|sign in to", w: 0.4, routing: true },
  { p: "you can contact us at|here|via|on", w: 0.4, routing: true },
  { p: "we|i will assist", w: 0.4 },
  { p: "your call|business|custom|feedback|satisfaction is|are important|valuable to us|me", w: 0.9 },
  { p: "is|are our top|number|first|highest priority|priorities", w: 0.75 },
  { p: "is|are our priority", w: 0.6 },
  { p: "your satisfaction", w: 0.5 },
  { p: "we value your business|custom|feedback|loyalty|time|privacy", w: 0.8 },
  { p: "we|i apologize for any inconvenience|trouble|frustration", w: 0.75 },
  { p: "sorry for any inconvenience|trouble|frustration", w: 0.6 },
  { p: "apologies for any inconvenience|trouble", w: 0.7 },
  { p: "inconvenience ..3 may have caused", w: 0.65 },
  { p: "please be advised|informed|noted|note that", w: 0.7 },
  {
    p: "thank you|thanks for your patience and|& understanding",
    w: 0.8,
    replacement: "Thanks for bearing with us while we [what we did].",
  },
  { p: "we|i appreciate your patience|understanding|time|feedback", w: 0.5 },
  {
    p: "thank you|thanks for your patience",
    w: 0.4,
    replacement: "Thanks for bearing with us while we [what we did].",
  },
  { p: "please do not hesitate to", w: 0.7 },
  { p: "do not hesitate to contact|reach", w: 0.7 },
  { p: "feel free to contact|reach|dm|send", w: 0.45 },
  { p: "rest assured|be assured", w: 0.55 },
  { p: "kindly", w: 0.3 },
  { p: "greetings for|of the day", w: 0.85 },
  { p: "with reference to your query|concern|request", w: 0.85 },
  { p: "we would like to inform|assure|advise|remind you", w: 0.75 },
  { p: "we|i have noted your concern|feedback|comments|details|contact", w: 0.75 },
  { p: "noted your contact|concern", w: 0.7 },
  { p: "will get|be in touch ..1 with you ..1 soon|shortly|asap", w: 0.45 },
  { p: "as soon as possible", w: 0.25 },
  { p: "every effort is|will be made", w: 0.7 },
  { p: "we are|we're working continuously|constantly|hard to", w: 0.55 },
  { p: "working continuously|constantly in|on improving", w: 0.7 },
  { p: "appropriate action will be taken", w: 0.8 },
  { p: "have a great|nice|good|wonderful day|one", w: 0.35 },
  { p: "hope this helps", w: 0.3 },
  { p: "keep us posted", w: 0.35 },
  { p: "let us know if you need|have ..3 assistance|help|questions", w: 0.35 },
  { p: "should you have other|any|further concerns|questions", w: 0.55 },
  { p: "we are here to help in any way", w: 0.5 },
  { p: "we would|will be happy|glad to look|assist|help", w: 0.45 },
  { p: "we would like to look into", w: 0.45 },
  { p: "we can help to resolve this issue", w: 0.75 },
  { p: "for technical help|support please visit", w: 0.8, routing: true },
  { p: "please visit our help|support site|page|center|centre", w: 0.6, routing: true },
  { p: "please create|submit|open|raise a support? ticket|request|case", w: 0.6, routing: true },
  { p: "create|submit a support ticket", w: 0.6, routing: true },
  { p: "please send us an email|a dm|a direct|a private", w: 0.55, routing: true },
  { p: "send us a dm|direct message|private message|pm", w: 0.45, routing: true },
  { p: "please dm|message us", w: 0.4, routing: true },
  { p: "dm us", w: 0.3, routing: true },
  { p: "reach out to us via|by|through dm|direct|private|email|phone", w: 0.5, routing: true },
  { p: "so that|so we can further assist|help", w: 0.6 },
  { p: "further assist|assistance", w: 0.3 },
  { p: "allow me to assist", w: 0.65 },
  { p: "kindly assist with stated issue", w: 0.9 },
  { p: "refer to this|the link|article", w: 0.4, routing: true },
  { p: "check tips|steps on|at|here", w: 0.45, routing: true },
  { p: "you can find helpful|more|further", w: 0.45, routing: true },
  { p: "please use the link|links below|above", w: 0.55, routing: true },
  { p: "we encourage you to read|visit|check", w: 0.6, routing: true },
  { p: "we have responded to your dm|query|message", w: 0.6, routing: true },
  { p: "your case has been updated|escalated|forwarded", w: 0.55 },
  { p: "our specialist|team will follow up|be in touch|get in touch|reach out", w: 0.4 },
  { p: "will look into your concern|query|request", w: 0.55 },
  { p: "we are happy to have you", w: 0.5 },
  { p: "every customer has a positive experience", w: 0.8 },
];

/** A sentence to offer instead of filler: specific to the customer's problem when we know it. */
export function roboticRewrite(problem: string | null): string {
  return problem
    ? `I can see ${problem}, and here's what I'm doing about it: [specific step].`
    : "Here's what I'm doing about your issue: [specific step for this customer].";
}
