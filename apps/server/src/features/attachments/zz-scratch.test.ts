import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_ATTACHMENT_BYTES } from "@keel/db";
import { expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";

it("real http 413", async () => {
  const t = await createTestApp("embedded");
  const dataDir = await mkdtemp(join(tmpdir(), "keel-scratch-"));
  const app = await buildApp({ ...t.deps, config: readConfig({ KEEL_SECRET: "test-secret-test-secret-test-secret-0000", KEEL_DATA_DIR: dataDir }) });
  const { headers } = await agentWithToken(t, "agent");
  const inbound = await addInboundMessage(t.deps, { newCase: { subject: "x" }, contact: { kind: "email", value: "a@example.com" }, body: "b", channel: "email" });
  if (!inbound.ok) throw new Error("x");
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  for (const size of [MAX_ATTACHMENT_BYTES + 1, 40 * 1024 * 1024, 1000]) {
    const body = new FormData();
    body.append("file", new Blob([Buffer.alloc(size)]), "big.bin");
    const started = Date.now();
    try {
      const res = await fetch(`${address}/api/v1/messages/${inbound.value.message.id}/attachments`, { method: "POST", headers, body });
      console.log(size, res.status, (await res.text()).slice(0, 150), Date.now() - started, "ms");
    } catch (error) {
      console.log(size, "fetch error", (error as Error).message, (error as {cause?: Error}).cause?.message);
    }
    console.log(await readdir(join(dataDir, "attachments", "incoming")).catch(() => "none"));
  }
  await app.close();
  await t.close();
  expect(1).toBe(1);
}, 60_000);
