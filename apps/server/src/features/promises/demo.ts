/**
 * @module Demo data for the promise ledger: three cases whose replies made promises — one overdue, one falling due
 * within the reminder lead time, one kept by a later reply — so a fresh desk shows reminders and alerts at once.
 */

import { findAgentByEmail } from "@keel/db";
import { addDemoSteps } from "../../demo/thread-steps.js";
import { SYSTEM_ACTOR } from "../audit/service.js";
import { type CoreDeps, updateCase } from "../cases/service.js";
import { addInboundMessage } from "../messages/service.js";

const HOUR = 3_600_000;

interface DemoThread {
  subject: string;
  customer: { name: string; email: string };
  opener: string;
  /** Replies (and customer answers) with how many hours before now each was written. */
  steps: Array<{ from: "agent" | "customer"; hoursAgo: number; body: string }>;
}

const THREADS: readonly DemoThread[] = [
  {
    subject: "Refund reference never came",
    customer: { name: "Grace Okafor", email: "grace.okafor@example.com" },
    opener: "I was told a refund was on its way a week ago. My bank has nothing. What is going on?",
    steps: [
      {
        from: "agent",
        hoursAgo: 50,
        body:
          "I'm sorry the refund hasn't reached you, Grace, and that you've had to chase it. I'll call you back " +
          "tomorrow before noon with the bank reference so you can trace it.",
      },
    ],
  },
  {
    subject: "Engineer visit not confirmed",
    customer: { name: "Tom Becker", email: "tom.becker@example.com" },
    opener: "Nobody has confirmed the engineer for tomorrow. I've taken the day off work for this!",
    steps: [
      {
        from: "agent",
        hoursAgo: 0.5,
        body:
          "You're right to expect a confirmation, Tom, and I'm sorry it hasn't come. I'm checking the engineer's " +
          "route now and I'll call you back in 2 hours with a confirmed arrival window.",
      },
    ],
  },
  {
    subject: "Charged twice for delivery",
    customer: { name: "Lena Hoffmann", email: "lena.hoffmann@example.com" },
    opener: "You took the delivery charge twice for order A-5521. I want the second one back.",
    steps: [
      {
        from: "agent",
        hoursAgo: 48,
        body:
          "Thank you for spotting this, Lena, and sorry for the double charge. We'll refund the second delivery " +
          "charge within 2 business days.",
      },
      { from: "customer", hoursAgo: 30, body: "Ok. Please make sure it actually happens this time." },
      {
        from: "agent",
        hoursAgo: 20,
        body: "As promised, the second delivery charge has been refunded to your card; it shows as KEEL-5521.",
      },
    ],
  },
];

/** Seeds the promise threads for the demo agent; returns how many cases were added. */
export async function seedPromiseDemo(deps: CoreDeps, agentEmail = "priya@keel.demo"): Promise<number> {
  const agent = await findAgentByEmail(deps.db, agentEmail);
  if (!agent) return 0;
  const now = deps.clock.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  for (const thread of THREADS) {
    const first = thread.steps[0]?.hoursAgo ?? 1;
    const opened = await addInboundMessage(deps, {
      newCase: { subject: thread.subject, priority: "high", assigneeId: agent.id, tags: ["promise-demo"] },
      contact: { kind: "email", value: thread.customer.email, name: thread.customer.name },
      body: thread.opener,
      channel: "email",
      receivedAt: at(first + 2),
    });
    if (!opened.ok) throw new Error(`demo promises: ${opened.error.message}`);
    const caseId = opened.value.case.id;
    await addDemoSteps(
      deps,
      { caseId, agentId: agent.id, customerEmail: thread.customer.email, now },
      thread.steps,
      "demo promises",
    );
    await updateCase(deps, caseId, { status: "pending_customer" }, SYSTEM_ACTOR, "status");
  }
  return THREADS.length;
}
