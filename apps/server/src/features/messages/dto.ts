/** @module The API view of a message: without the raw source, with the coach's analysis. */
import type { Message as MessageDto } from "@keel/contracts";
import type { Message } from "@keel/db";

export function toMessageDto(message: Message): MessageDto {
  const analysis = message.analysis;
  return {
    id: message.id,
    caseId: message.case_id,
    direction: message.direction,
    channel: message.channel,
    body: message.body,
    authorAgentId: message.author_agent_id,
    authorContactId: message.author_contact_id,
    externalMessageId: message.external_message_id,
    analysis: analysis !== null && typeof analysis === "object" && !Array.isArray(analysis) ? analysis : null,
    createdAt: message.created_at.toISOString(),
  };
}
