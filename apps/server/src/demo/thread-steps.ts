/** @module Demo threads written message by message: an agent's reply or the customer's answer, each at its own time. */
import type { CoreDeps } from "../features/cases/service.js";
import { addInboundMessage, addOutboundMessage } from "../features/messages/service.js";

export interface DemoStep {
  from: "agent" | "customer";
  hoursAgo: number;
  body: string;
}

/** Adds the steps to the case in order, dated `hoursAgo` before `now`; throws naming `label` if one fails. */
export async function addDemoSteps(
  deps: CoreDeps,
  thread: { caseId: string; agentId: string; customerEmail: string; now: number },
  steps: readonly DemoStep[],
  label: string,
): Promise<void> {
  const at = (hoursAgo: number) => new Date(thread.now - hoursAgo * 3_600_000);
  for (const step of steps) {
    const sent =
      step.from === "agent"
        ? await addOutboundMessage(deps, {
            caseId: thread.caseId,
            authorAgentId: thread.agentId,
            body: step.body,
            channel: "email",
            sentAt: at(step.hoursAgo),
          })
        : await addInboundMessage(deps, {
            caseId: thread.caseId,
            contact: { kind: "email", value: thread.customerEmail },
            body: step.body,
            channel: "email",
            receivedAt: at(step.hoursAgo),
          });
    if (!sent.ok) throw new Error(`${label}: ${sent.error.message}`);
  }
}
