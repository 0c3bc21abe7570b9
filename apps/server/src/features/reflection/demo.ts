/**
 * @module Demo data for reflection cards: Tomás calmed an angry customer with one reply and set them off with
 * another; once the case is resolved his card says which was which. He added a note and shared it.
 */
import { findAgentByEmail, listReflectionsOf, updateReflection } from "@keel/db";
import { ManualClock } from "../../clock.js";
import { SYSTEM_ACTOR } from "../audit/service.js";
import { type CoreDeps, updateCase } from "../cases/service.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";

const HOUR = 3_600_000;

const THREAD: ReadonlyArray<{ from: "customer" | "agent"; body: string }> = [
  {
    from: "customer",
    body: "This is the THIRD time I'm writing!!! The parcel never arrived and nobody answers. If it isn't here by Friday I'm disputing the charge with my bank.",
  },
  {
    from: "agent",
    body: "I'm so sorry the parcel never arrived — that's really frustrating, especially after writing three times. I've checked with the courier and I'm sending a replacement today; you'll have the tracking number by 5pm.",
  },
  { from: "customer", body: "Thanks, that's much better, I appreciate the quick help." },
  {
    from: "agent",
    body: "As I already told you, the courier lost it, not us. Unfortunately there is nothing more we can do about the delivery date.",
  },
  {
    from: "customer",
    body: "Nothing you can do?! You useless idiots lost my parcel and now you blame the courier? Unbelievable!!!",
  },
  {
    from: "agent",
    body: "You're right, I'm sorry — that came out wrong. The replacement left our warehouse this morning and I'll text you the tracking link within the hour.",
  },
];

export async function seedReflectionDemo(deps: CoreDeps): Promise<void> {
  const tomas = await findAgentByEmail(deps.db, "tomas@keel.demo");
  if (!tomas) return;
  const clock = new ManualClock(new Date(deps.clock.now().getTime() - 28 * HOUR));
  const scoped: CoreDeps = { ...deps, clock };
  const contact = { kind: "email" as const, value: "nadia.brooks@example.com", name: "Nadia Brooks" };
  const [opener, ...rest] = THREAD;
  if (!opener) return;
  const opened = await addInboundMessage(scoped, {
    newCase: { subject: "Parcel lost, third message", assigneeId: tomas.id, tags: ["shipping", "angry"] },
    contact,
    body: opener.body,
    channel: "email",
    receivedAt: clock.now(),
  });
  if (!opened.ok) throw new Error(`reflection demo: ${opened.error.message}`);
  const caseId = opened.value.case.id;
  for (const step of rest) {
    clock.advance(2 * HOUR);
    if (step.from === "agent") {
      await addOutboundMessage(scoped, {
        caseId,
        authorAgentId: tomas.id,
        body: step.body,
        channel: "email",
        sentAt: clock.now(),
      });
    } else {
      await addInboundMessage(scoped, {
        caseId,
        contact,
        body: step.body,
        channel: "email",
        receivedAt: clock.now(),
      });
    }
  }
  clock.advance(4 * HOUR);
  await updateCase(scoped, caseId, { status: "resolved" }, SYSTEM_ACTOR, "status");
  const card = (await listReflectionsOf(deps.db, tomas.id)).find((r) => r.case_id === caseId);
  if (!card) return;
  await updateReflection(deps.db, card.id, {
    notes: "Owning the delivery worked; defending the courier undid it. Apologise first, then explain.",
    shared: true,
    at: clock.now(),
  });
}
