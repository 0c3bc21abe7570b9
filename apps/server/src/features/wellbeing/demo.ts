/**
 * @module Demo data for agent wellbeing: Priya worked four hostile customers in the last few hours (her load is
 * over the threshold and a cooldown is offered), Lena is in a cooldown, and one customer who kept up the abuse
 * after a warning and the closing script is blocked — their later message is stored but reopens nothing.
 */
import { findAgentByEmail } from "@keel/db";
import { ManualClock } from "../../clock.js";
import { type Actor, SYSTEM_ACTOR } from "../audit/service.js";
import { type CoreDeps, updateCase } from "../cases/service.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { readSetting } from "../settings/service.js";
import { blockContact } from "./blocks.js";
import { fillScript } from "./boundary.js";
import { startCooldown } from "./cooldown.js";
import { abusePolicySetting } from "./settings.js";

const HOUR = 3_600_000;

const HOSTILE_OPENERS = [
  {
    subject: "Refund still missing after three weeks",
    name: "Victor Crane",
    body: "Three weeks and still no refund. You useless idiots can't even press a button. Where is my fucking money?!",
    reply:
      "I'm sorry the refund has taken this long, Victor. I've checked it myself: it was stuck at our bank, I've released it today and you'll see it within 2 business days.",
  },
  {
    subject: "Charged after cancelling",
    name: "Dana Whitlock",
    body: "I CANCELLED last month and you charged me AGAIN. This is theft. I'm reporting you to my bank and the ombudsman!!!",
    reply:
      "You're right that a cancelled account should not be charged, Dana, and I'm sorry it happened. I've refunded the charge today and stopped any further payments.",
  },
  {
    subject: "Invoice wrong for the third time",
    name: "Rick Moreno",
    body: "Third wrong invoice in a row. Are you all complete morons over there? Fix this shit NOW.",
    reply:
      "I'm sorry this is the third wrong invoice, Rick — that's frustrating. I've corrected it and I'm sending the new one within the hour.",
  },
  {
    subject: "Broken kettle, second replacement",
    name: "Gordon Pike",
    body: "The replacement is broken too. Don't you dare fob me off again, you pathetic idiots.",
    reply:
      "I'm sorry the replacement failed as well, Gordon. I've arranged a refund instead, so you don't have to wait for a third one, and you'll have the confirmation today.",
  },
];

export async function seedWellbeingDemo(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  const priya = await findAgentByEmail(deps.db, "priya@keel.demo");
  const lena = await findAgentByEmail(deps.db, "lena@keel.demo");
  const admin = await findAgentByEmail(deps.db, "admin@keel.demo");
  if (!priya || !lena) return;

  // Priya: four hostile cases in the last three hours.
  for (const [i, opener] of HOSTILE_OPENERS.entries()) {
    // Spread over the last three hours, the latest a few minutes ago.
    const clock = new ManualClock(new Date(now - (3 - i) * HOUR - 20 * 60_000));
    const scoped: CoreDeps = { ...deps, clock };
    const email = `${opener.name.toLowerCase().replace(" ", ".")}@example.com`;
    const opened = await addInboundMessage(scoped, {
      newCase: {
        subject: opener.subject,
        priority: "high",
        assigneeId: priya.id,
        tags: ["billing", "angry"],
      },
      contact: { kind: "email", value: email, name: opener.name },
      body: opener.body,
      channel: "email",
      receivedAt: clock.now(),
    });
    if (!opened.ok) throw new Error(`wellbeing demo: ${opened.error.message}`);
    clock.advance(0.3 * HOUR);
    await addOutboundMessage(scoped, {
      caseId: opened.value.case.id,
      authorAgentId: priya.id,
      body: opener.reply,
      channel: "email",
      sentAt: clock.now(),
    });
  }

  await startCooldown(
    deps.db,
    lena.id,
    { minutes: 120, reason: "taken by Lena Vogel after a call with an abusive customer" },
    new Date(now - 10 * 60_000),
  );

  await seedBlockedContact(deps, priya.id, admin ? { kind: "agent", id: admin.id } : SYSTEM_ACTOR);
}

/** Abuse, a warning, more abuse, the closing script; the case is closed and the contact blocked. */
async function seedBlockedContact(deps: CoreDeps, agentId: string, admin: Actor): Promise<void> {
  const clock = new ManualClock(new Date(deps.clock.now().getTime() - 30 * HOUR));
  const scoped: CoreDeps = { ...deps, clock };
  const policy = await readSetting(deps.db, abusePolicySetting);
  const script = (text: string) => fillScript(text, { name: "Brett", channel: policy.otherChannel });
  const contact = { kind: "email" as const, value: "brett.harlow@example.com", name: "Brett Harlow" };
  const opened = await addInboundMessage(scoped, {
    newCase: { subject: "Router replacement", assigneeId: agentId, tags: ["devices"] },
    contact,
    body: "Your so-called support is a joke. You're all clueless idiots and I want my damn router replaced today.",
    channel: "email",
    receivedAt: clock.now(),
  });
  if (!opened.ok) throw new Error(`wellbeing demo: ${opened.error.message}`);
  const caseId = opened.value.case.id;
  const step = (hours: number) => {
    clock.advance(hours * HOUR);
    return clock.now();
  };
  await addOutboundMessage(scoped, {
    caseId,
    authorAgentId: agentId,
    body: script(policy.warningText),
    channel: "email",
    sentAt: step(0.5),
  });
  const more = await addInboundMessage(scoped, {
    caseId,
    contact,
    body: "Respectful? You morons wasted a week of my life. Shove your respect, just fix the fucking thing.",
    channel: "email",
    receivedAt: step(1),
  });
  if (!more.ok) throw new Error(`wellbeing demo: ${more.error.message}`);
  await addOutboundMessage(scoped, {
    caseId,
    authorAgentId: agentId,
    body: script(policy.closingText),
    channel: "email",
    sentAt: step(0.5),
  });
  await updateCase(scoped, caseId, { status: "closed" }, SYSTEM_ACTOR, "status");
  const contactId = more.value.message.author_contact_id;
  if (contactId === null) return;
  await blockContact(
    deps.db,
    contactId,
    "Continued abuse after a warning and the closing script (abuse policy)",
    admin,
    step(0.2),
  );
  // Stored for the record; the closed case stays closed and nobody is notified.
  await addInboundMessage(scoped, {
    caseId,
    contact,
    body: "Don't you dare ignore me, you pathetic idiots.",
    channel: "email",
    receivedAt: step(2),
  });
}
