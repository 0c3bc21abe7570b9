/**
 * @module Demo data for escalation: a VIP threatening the ombudsman (escalated by rule, taken by the supervisor), a
 * customer asking for a manager (escalated by rule, waiting in the queue) and a bereaved customer an agent handed
 * up with a note — so a fresh desk's supervisor queue shows briefs at once.
 */

import { findAgentByEmail, setCustomerVip } from "@keel/db";
import { addDemoSteps } from "../../demo/thread-steps.js";
import type { CoreDeps } from "../cases/service.js";
import { addInboundMessage } from "../messages/service.js";
import { escalateByAgent, takeEscalation } from "./service.js";

const HOUR = 3_600_000;

interface DemoThread {
  subject: string;
  customer: { name: string; email: string; vip?: boolean };
  agentEmail: string;
  /** Messages with how many hours before now each was written; the first one opens the case. */
  steps: Array<{ from: "agent" | "customer"; hoursAgo: number; body: string }>;
  /** What happens after the thread: a supervisor takes the rule's escalation, or the agent escalates. */
  afterwards?: { take: true } | { agentNote: string };
}

const THREADS: readonly DemoThread[] = [
  {
    subject: "Broadband drops every evening",
    customer: { name: "Eleanor Vance", email: "eleanor.vance@example.com", vip: true },
    agentEmail: "grace@keel.demo",
    steps: [
      {
        from: "customer",
        hoursAgo: 30,
        body: "My broadband has dropped every evening for a week. I work from home and I've lost two days of work. Please fix it.",
      },
      {
        from: "agent",
        hoursAgo: 26,
        body: "I'm sorry the connection keeps dropping, Eleanor, especially when you rely on it for work. I've run a line test and booked an engineer for Thursday between 8am and 12pm.",
      },
      {
        from: "customer",
        hoursAgo: 3,
        body: "The engineer never came and nobody called. I have been a customer for twelve years! If this isn't fixed by Friday I am reporting you to the ombudsman.",
      },
    ],
    afterwards: { take: true },
  },
  {
    subject: "Replacement kettle never arrived",
    customer: { name: "Hamid Rezaei", email: "hamid.rezaei@example.com" },
    agentEmail: "tomas@keel.demo",
    steps: [
      {
        from: "customer",
        hoursAgo: 50,
        body: "The kettle I bought arrived cracked. Can you send a replacement?",
      },
      {
        from: "agent",
        hoursAgo: 47,
        body: "Sorry the kettle arrived damaged, Hamid. I've ordered a replacement and it will be with you within 3 working days.",
      },
      {
        from: "customer",
        hoursAgo: 2,
        body: "This is the second time I'm writing. The replacement never arrived and the tracking link is dead. I want to speak to a manager.",
      },
    ],
  },
  {
    subject: "Bill much higher than usual",
    customer: { name: "Margaret Hughes", email: "margaret.hughes@example.com" },
    agentEmail: "priya@keel.demo",
    steps: [
      {
        from: "customer",
        hoursAgo: 6,
        body: "Hello. My husband passed away last month and I live alone now. I don't understand the new bill, it is much higher than before. I can't afford this amount on my pension. Could someone please call me?",
      },
      {
        from: "agent",
        hoursAgo: 5,
        body: "I'm so sorry for your loss, Mrs Hughes. I've put a hold on the bill so nothing is taken while we look at it, and I'm asking a senior colleague to go through it with you.",
      },
    ],
    afterwards: {
      agentNote:
        "Recently bereaved and worried about money. Could someone senior approve a longer payment hold and call her at a time that suits her?",
    },
  },
];

/** Seeds the escalation threads; returns how many cases were added (0 without the demo people). */
export async function seedEscalationDemo(
  deps: CoreDeps,
  supervisorEmail = "supervisor@keel.demo",
): Promise<number> {
  const supervisor = await findAgentByEmail(deps.db, supervisorEmail);
  if (!supervisor) return 0;
  const now = deps.clock.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  for (const thread of THREADS) {
    const agent = await findAgentByEmail(deps.db, thread.agentEmail);
    if (!agent) continue;
    const [opener, ...rest] = thread.steps;
    if (!opener) continue;
    const opened = await addInboundMessage(deps, {
      newCase: {
        subject: thread.subject,
        priority: "normal",
        assigneeId: agent.id,
        tags: ["escalation-demo"],
      },
      contact: { kind: "email", value: thread.customer.email, name: thread.customer.name },
      body: opener.body,
      channel: "email",
      receivedAt: at(opener.hoursAgo),
    });
    if (!opened.ok) throw new Error(`demo escalation: ${opened.error.message}`);
    if (thread.customer.vip) await setCustomerVip(deps.db, opened.value.customer.id, true);
    const caseId = opened.value.case.id;
    await addDemoSteps(
      deps,
      { caseId, agentId: agent.id, customerEmail: thread.customer.email, now },
      rest,
      "demo escalation",
    );
    if (thread.afterwards && "agentNote" in thread.afterwards) {
      await escalateByAgent(deps, caseId, { note: thread.afterwards.agentNote }, agent.id, {
        kind: "agent",
        id: agent.id,
      });
    } else if (thread.afterwards?.take) {
      const escalation = await deps.db
        .selectFrom("escalations")
        .select("id")
        .where("case_id", "=", caseId)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (escalation) {
        await takeEscalation(deps, escalation.id, supervisor.id, { kind: "agent", id: supervisor.id });
      }
    }
  }
  return THREADS.length;
}
