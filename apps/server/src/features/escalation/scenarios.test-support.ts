/** @module Realistic threads for the escalation tests: hand-written messages read by the real coach, stored as the server stores them. */
import { analyzeCustomer, COACH_VERSION, coachReply } from "@keel/coach";
import type { ThreadInput, ThreadMessageInput } from "./thread.js";

type Line = readonly ["inbound" | "outbound" | "note", string, string];

const START = Date.parse("2026-11-20T09:00:00Z");
const HOUR = 3_600_000;

/** Builds a thread one message an hour apart, analysing each message against the ones before, as the server does. */
export function buildThread(
  lines: readonly Line[],
  extra: { case?: Partial<ThreadInput["case"]>; customer?: Partial<ThreadInput["customer"]> } = {},
): ThreadInput {
  const earlierInbound: string[] = [];
  const conversation: Array<{ role: "customer" | "agent"; text: string }> = [];
  let lastCustomer: string | null = null;
  const messages: ThreadMessageInput[] = lines.map(([direction, authorName, body], i) => {
    const createdAt = new Date(START + i * HOUR).toISOString();
    let analysis: unknown = null;
    if (direction === "inbound") {
      const result = analyzeCustomer(body, {
        previousMessages: [...earlierInbound],
        referenceDate: "2026-11-20",
      });
      analysis = { kind: "customer", coach_version: COACH_VERSION, result };
      earlierInbound.push(body);
      lastCustomer = body;
    } else if (direction === "outbound") {
      const result = coachReply(body, lastCustomer, [...conversation], { referenceDate: "2026-11-20" });
      analysis = { kind: "reply", coach_version: COACH_VERSION, result };
    }
    if (direction !== "note")
      conversation.push({ role: direction === "inbound" ? "customer" : "agent", text: body });
    // Round-trip through JSON like the jsonb column does.
    return {
      id: `m${i + 1}`,
      direction,
      authorName,
      body,
      createdAt,
      analysis: JSON.parse(JSON.stringify(analysis)),
    };
  });
  return {
    case: {
      id: "case-1",
      number: 1042,
      subject: "Parcel never arrived",
      priority: "normal",
      status: "open",
      createdAt: new Date(START).toISOString(),
      ...extra.case,
    },
    customer: { name: "Dana Whitfield", contacts: ["dana@example.com"], ...extra.customer },
    messages,
  };
}

export const FURIOUS_CHARGEBACK: readonly Line[] = [
  [
    "inbound",
    "Dana Whitfield",
    "This is the third time I'm writing about order #B-55120!!! Nobody answers. Where is my parcel???",
  ],
  [
    "outbound",
    "Sam",
    "Dear customer, we apologize for any inconvenience caused. Please be patient, deliveries can take up to 30 days as stated in our terms.",
  ],
  [
    "inbound",
    "Dana Whitfield",
    "Seriously?! 'Please be patient'?? I have been patient for two weeks. I want a refund, not another apology.",
  ],
  [
    "outbound",
    "Sam",
    "I've checked with the courier and the parcel is delayed at their depot. I'll chase them again tomorrow.",
  ],
  ["note", "Sam", "Courier says parcel lost. Refund needs approval from a team lead."],
  [
    "inbound",
    "Dana Whitfield",
    "Absolutely useless service. I have written four times now. I want my money back now or I'm disputing the charge with my bank. I want to speak to a manager.",
  ],
  [
    "outbound",
    "Sam",
    "As per our policy, we are not responsible for courier delays. Unfortunately there is nothing we can do.",
  ],
  [
    "inbound",
    "Dana Whitfield",
    "STOP sending me copy-paste replies!!! This is DISGUSTING. Refund me TODAY or I am disputing the charge with my bank and reporting you to trading standards!!!",
  ],
];

export const ABUSE_AFTER_BOUNDARY: readonly Line[] = [
  ["inbound", "Lee Carter", "You useless idiots, where is my refund? You're all a bunch of morons."],
  [
    "outbound",
    "Priya",
    "I want to help you get this sorted, but I won't continue this conversation if the language stays abusive. I've looked at your refund: it was issued on Monday and should show within 3 working days.",
  ],
  ["inbound", "Lee Carter", "Shut up you pathetic moron, nobody asked you. Just give me my f***ing money."],
];

export const CALM_VULNERABLE: readonly Line[] = [
  [
    "inbound",
    "Margaret Hughes",
    "Hello. My husband passed away last month and I live alone now. I don't understand the new bill, it is much higher than before. I can't afford this amount on my pension. Could someone please call me?",
  ],
  [
    "outbound",
    "Tom",
    "I'm so sorry for your loss, Mrs Hughes. I've put a hold on the bill so nothing is taken while we look at it. I'll call you tomorrow morning at 10am to go through it together.",
  ],
  ["inbound", "Margaret Hughes", "Thank you, that is kind. Tomorrow morning is fine."],
];

export const ROUTINE: readonly Line[] = [
  [
    "inbound",
    "Ravi Patel",
    "Hi, my order #A-10293 was due on Monday and the tracking has not moved since Friday. Could you check where it is?",
  ],
  [
    "outbound",
    "Sam",
    "I'm sorry your order hasn't arrived. I've checked with the courier: it's held at the Leeds depot. I've asked them to redeliver and it will reach you by Thursday.",
  ],
  ["inbound", "Ravi Patel", "Thanks, that helps. I'll keep an eye on the tracking then."],
];
