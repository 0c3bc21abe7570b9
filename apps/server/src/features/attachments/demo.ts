/** @module Demo files: a receipt, a delivery note and an order history attached to customers' first messages. */
import { addAttachment, type Database } from "@keel/db";
import type { Kysely } from "kysely";

function orderHistory(orders: number): string {
  const lines = ["order,date,item,amount_usd,status"];
  for (let i = 1; i <= orders; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `A-${20900 + i},2026-10-${day},${i % 3 === 0 ? "Kettle" : "Desk lamp"},${(19.99 + i).toFixed(2)},delivered`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const DEMO_FILES = [
  {
    filename: "receipt-A-20931.txt",
    contentType: "text/plain",
    content:
      "Receipt A-20931\nDesk lamp, brass finish   $249.99\nPaid by card ending 4417 on 28 October 2026\n",
  },
  {
    filename: "delivery-note.txt",
    contentType: "text/plain",
    content: "Parcel left at the door, 14:05. No signature taken. Box visibly crushed on one corner.\n",
  },
  { filename: "order-history.csv", contentType: "text/csv", content: orderHistory(40) },
];

/** Attaches one demo file to each of the earliest inbound messages of as many cases. */
export async function seedAttachmentDemo(deps: { db: Kysely<Database> }): Promise<void> {
  const messages = await deps.db
    .selectFrom("messages")
    .select(["id", "case_id"])
    .distinctOn("case_id")
    .where("direction", "=", "inbound")
    .orderBy("case_id")
    .orderBy("created_at")
    .limit(DEMO_FILES.length)
    .execute();
  for (const [index, message] of messages.entries()) {
    const file = DEMO_FILES[index];
    if (!file) break;
    const added = await addAttachment(deps.db, {
      messageId: message.id,
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.content),
    });
    if (!added.ok) throw new Error(`demo attachment ${file.filename}: ${added.error.message}`);
  }
}
