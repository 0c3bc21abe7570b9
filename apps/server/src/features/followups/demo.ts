/**
 * @module Demo data for follow-ups: resolved cases whose customers answered (two good answers that closed their
 * case, one bad answer that reopened it and alerted the agent and supervisors) and one follow-up due now, which
 * the periodic check sends as soon as the desk starts.
 */
import { type Database, findAgentByEmail } from "@keel/db";
import { type Kysely, sql } from "kysely";
import { type Clock, ManualClock } from "../../clock.js";
import type { ServerConfig } from "../../config.js";
import type { Jobs } from "../../jobs/jobs.js";
import { setStatus } from "../cases/service.js";
import { acknowledgeAt, demoConfig } from "../informed/demo.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { answerByToken, type FollowupAnswerInput } from "./answer.js";
import { sendDueFollowups } from "./send-job.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoResolution {
  agentEmail: string;
  subject: string;
  tags: string[];
  customer: { name: string; email: string };
  opener: string;
  reply: string;
  /** When the case was resolved, in days before now. */
  resolvedDaysAgo: number;
  /** The customer's answer to the follow-up, or none yet (it is due). */
  answer: FollowupAnswerInput | null;
}

const RESOLUTIONS: readonly DemoResolution[] = [
  {
    agentEmail: "priya@keel.demo",
    subject: "Refund for a cancelled order",
    tags: ["billing", "refund"],
    customer: { name: "Marta Silva", email: "marta.silva@example.com" },
    opener: "I cancelled order B-7781 two weeks ago and still haven't had my money back.",
    reply:
      "I'm sorry the refund for B-7781 has taken this long, Marta. I've issued it today; it will show on your card " +
      "within 3 business days with the reference KEEL-7781.",
    resolvedDaysAgo: 6,
    answer: { fixHeld: true, csat: 5, comment: "The refund arrived, thank you for sorting it so quickly." },
  },
  {
    agentEmail: "tomas@keel.demo",
    subject: "Parcel left in the rain",
    tags: ["delivery"],
    customer: { name: "Owen Price", email: "owen.price@example.com" },
    opener: "The courier left my parcel on the doorstep in the rain and the box was soaked.",
    reply:
      "I'm sorry your parcel was left out in the rain, Owen. I've sent a replacement by tracked delivery and asked " +
      "the courier to hand it to you in person.",
    resolvedDaysAgo: 5,
    answer: { fixHeld: true, csat: 4 },
  },
  {
    agentEmail: "grace@keel.demo",
    subject: "Router keeps dropping the connection",
    tags: ["internet", "devices"],
    customer: { name: "Hugo Marchetti", email: "hugo.marchetti@example.com" },
    opener: "My router drops the connection every evening. I work from home and this is costing me money.",
    reply:
      "I'm sorry the connection keeps dropping, Hugo; I know you depend on it for work. I've pushed a firmware " +
      "update to your router and changed its channel, which fixes this for most customers.",
    resolvedDaysAgo: 4,
    answer: {
      fixHeld: false,
      csat: 1,
      comment:
        "It dropped AGAIN last night in the middle of a client call. This is the third time I've been told it's fixed!",
    },
  },
  {
    agentEmail: "priya@keel.demo",
    subject: "Duplicate charge on my statement",
    tags: ["billing"],
    customer: { name: "Alice Fournier", email: "alice.fournier@example.com" },
    opener: "I see two charges of $59.90 for the same subscription this month.",
    reply:
      "Thank you for flagging this, Alice, and I'm sorry for the double charge. I've refunded the second $59.90; " +
      "it will reach your account within 2 business days.",
    resolvedDaysAgo: 3.05,
    answer: null,
  },
];

export interface FollowupDemoDeps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: Jobs;
  config?: ServerConfig | undefined;
}

/** Returns how many resolved cases were added. */
export async function seedFollowupDemo(deps: FollowupDemoDeps): Promise<number> {
  const config = demoConfig(deps.config);
  const now = deps.clock.now().getTime();
  let added = 0;
  for (const plan of RESOLUTIONS) {
    const agent = await findAgentByEmail(deps.db, plan.agentEmail);
    if (!agent) continue;
    const resolvedAt = now - plan.resolvedDaysAgo * DAY;
    const clock = new ManualClock(new Date(resolvedAt - 20 * HOUR));
    const at = { db: deps.db, clock, jobs: deps.jobs };
    const opened = await addInboundMessage(at, {
      newCase: {
        subject: plan.subject,
        priority: "normal",
        assigneeId: agent.id,
        teamId: agent.team_id,
        tags: plan.tags,
      },
      contact: { kind: "email", value: plan.customer.email, name: plan.customer.name },
      body: plan.opener,
      channel: "email",
      receivedAt: clock.now(),
    });
    if (!opened.ok) throw new Error(`demo follow-ups: ${opened.error.message}`);
    const caseId = opened.value.case.id;
    await sql`UPDATE cases SET created_at = ${clock.now()} WHERE id = ${caseId}`.execute(deps.db);
    await acknowledgeAt(deps, config, caseId, new Date(clock.now().getTime() + 2 * 60_000));
    clock.advance(2 * HOUR);
    await addOutboundMessage(at, {
      caseId,
      authorAgentId: agent.id,
      body: plan.reply,
      channel: "email",
      sentAt: clock.now(),
    });
    clock.set(new Date(resolvedAt));
    await setStatus(at, caseId, "resolved", { kind: "agent", id: agent.id });
    added++;
    if (plan.answer === null) continue;
    // Sent when due (three days on), answered a few hours later.
    clock.advance(3 * DAY);
    await sendDueFollowups({ ...at, config });
    const asked = await deps.db
      .selectFrom("messages")
      .select("body")
      .where("case_id", "=", caseId)
      .where("body", "like", "%/followup%")
      .executeTakeFirst();
    const token = /\/portal\/([^\s/]+)\/followup/.exec(asked?.body ?? "")?.[1];
    if (token === undefined) continue;
    clock.advance(5 * HOUR);
    await answerByToken({ ...at, config }, token, plan.answer);
  }
  return added;
}
