/** @module Coach routes: server-side coaching, and the optional rewrite against a local fake model endpoint. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAgent } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { issueApiToken } from "../auth/service.js";
import { rewriteDraft } from "../llm/rewrite-client.js";

async function agentToken(t: TestApp): Promise<string> {
  const agent = await createAgent(t.deps.db, { email: "agent@example.com", name: "Agent", role: "agent" });
  if (!agent.ok) throw new Error(agent.error.message);
  const issued = await issueApiToken(t.deps, agent.value.id, "tests");
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value.token;
}

describe.each(backends())("coach routes on %s PostgreSQL", (backend) => {
  let plain: TestApp;
  let withModel: TestApp;
  let fake: Server;
  let modelUrl = "";
  const prompts: string[] = [];
  let auth: Record<string, string> = {};
  let authModel: Record<string, string> = {};

  beforeAll(async () => {
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      req.on("end", () => {
        prompts.push(body);
        res.setHeader("content-type", "application/json");
        if (req.url !== "/v1/chat/completions") {
          res.statusCode = 404;
          return res.end("{}");
        }
        res.end(
          JSON.stringify({
            choices: [
              {
                message: { content: "I'm sorry the heater failed again. A technician comes today by 5 pm." },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    modelUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1`;
    plain = await createTestApp(backend);
    auth = { authorization: `Bearer ${await agentToken(plain)}` };
    process.env.KEEL_LLM_URL = modelUrl;
    process.env.KEEL_LLM_MODEL = "fake-model";
    try {
      withModel = await createTestApp(backend);
    } finally {
      delete process.env.KEEL_LLM_URL;
      delete process.env.KEEL_LLM_MODEL;
    }
    authModel = { authorization: `Bearer ${await agentToken(withModel)}` };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (fake ? fake.close(() => resolve()) : resolve()));
    await plain?.close();
    await withModel?.close();
  });

  const draft = {
    draft: "Unfortunately this is not our fault, as per policy.",
    customer_message: "My heater broke AGAIN!",
  };

  it("coaches a draft server-side", async () => {
    const res = await plain.app.inject({
      method: "POST",
      url: "/api/v1/coach/reply",
      headers: auth,
      payload: draft,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().coaching.score).toEqual(expect.any(Number));
    expect(res.json().coaching.fixes.length).toBeGreaterThan(0);
    const anonymous = await plain.app.inject({
      method: "POST",
      url: "/api/v1/coach/reply",
      headers: { authorization: "Bearer x" },
      payload: draft,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("answers 503 with the settings to set when no model is configured", async () => {
    const res = await plain.app.inject({
      method: "POST",
      url: "/api/v1/coach/rewrite",
      headers: auth,
      payload: draft,
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toContain("KEEL_LLM_URL");
  });

  it("rewrites through the configured model, passing the draft and the coach's fixes", async () => {
    const res = await withModel.app.inject({
      method: "POST",
      url: "/api/v1/coach/rewrite",
      headers: authModel,
      payload: draft,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rewrite: expect.stringContaining("technician"), model: "fake-model" });
    const sent = JSON.parse(prompts.at(-1) ?? "{}");
    expect(sent.model).toBe("fake-model");
    expect(sent.messages[1].content).toContain("as per policy");
    expect(sent.messages[1].content).toContain("Fix especially");
  });

  it("reports an unreachable or failing model as unavailable", async () => {
    const wrong = await rewriteDraft(
      { url: `${modelUrl}/nope`, model: "m", apiKey: undefined, timeoutMs: 2000 },
      { draft: "x" },
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });
});
