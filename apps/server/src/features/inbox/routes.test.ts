import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reactionsSettled } from "../../reactions/deferred.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

interface Item {
  case: { id: string; subject: string };
  customerName: string;
  attention: { score: number; reasons: Array<{ kind: string; text: string }> };
  anger: { value: number; label: string } | null;
  threats: string[];
  abusive: boolean;
  sla: { kind: string | null; breached: boolean };
  lastMessage: { direction: string; snippet: string } | null;
}

describe.each(backends())("inbox on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let agentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    const agent = await agentWithToken(t, "agent");
    headers = agent.headers;
    agentId = agent.agent.id;
    const customer = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "Ada Lovelace", contacts: [{ kind: "email", value: "ada@example.com" }] },
    });
    const customerId = customer.json().id;
    const open = async (key: string, subject: string, priority: string, inbound: string | null) => {
      const kase = await t.app.inject({
        method: "POST",
        url: "/api/v1/cases",
        headers,
        payload: { subject, customerId, priority, ...(key === "mine" ? { assigneeId: agentId } : {}) },
      });
      ids[key] = kase.json().id;
      if (inbound) {
        const sent = await t.app.inject({
          method: "POST",
          url: `/api/v1/cases/${ids[key]}/messages`,
          headers,
          payload: {
            direction: "inbound",
            body: inbound,
            contact: { kind: "email", value: "ada@example.com" },
          },
        });
        expect(sent.statusCode).toBe(201);
      }
    };
    await open(
      "calm",
      "Question about my invoice layout",
      "low",
      "Hi, could you tell me where the VAT number is shown? Thanks!",
    );
    // Opened first, so its first-reply target (high: 4 h) passes while the clock moves on.
    await open("late", "Router still broken", "high", "My router is still not working.");
    t.deps.clock.advance(5 * 3_600_000);
    await open(
      "furious",
      "Charged twice",
      "normal",
      "This is the THIRD time I'm writing!!! You charged me twice and nobody answers. If I don't get my money back by Friday I'm taking legal action and disputing the charge with my bank.",
    );
    await open("mine", "Assigned to me, nothing said yet", "normal", null);
    // Routing may hand new cases to an agent, right after each message's commit; the assignee filter is checked on
    // owners set here, once those reactions are done.
    await reactionsSettled(t.deps);
    for (const key of ["calm", "late", "furious"]) {
      await t.app.inject({
        method: "PATCH",
        url: `/api/v1/cases/${ids[key]}`,
        headers,
        payload: { assigneeId: null },
      });
    }
  });
  afterAll(async () => t.close());

  const inbox = async (query = "") => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/inbox${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; truncated: boolean };
  };

  it("ranks breached SLAs and angry, threatening customers first, with the reasons", async () => {
    const { items, total, truncated } = await inbox();
    expect(total).toBe(4);
    expect(truncated).toBe(false);
    const order = items.map((i) => i.case.id);
    expect(order.indexOf(ids.late ?? "")).toBeLessThan(order.indexOf(ids.calm ?? ""));
    expect(order.indexOf(ids.furious ?? "")).toBeLessThan(order.indexOf(ids.calm ?? ""));
    const late = items.find((i) => i.case.id === ids.late);
    expect(late?.sla).toMatchObject({ kind: "first_response", breached: true });
    expect(late?.attention.reasons[0]?.text).toMatch(/^first reply overdue by 1 h/);
    const furious = items.find((i) => i.case.id === ids.furious);
    expect(furious?.threats).toEqual(expect.arrayContaining(["legal", "chargeback"]));
    expect(furious?.anger?.value).toBeGreaterThan(30);
    expect(furious?.attention.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(["anger", "threat", "awaiting_reply"]),
    );
    expect(furious?.lastMessage).toMatchObject({ direction: "inbound" });
    expect(furious?.customerName).toBe("Ada Lovelace");
    const mine = items.find((i) => i.case.id === ids.mine);
    expect(mine?.anger).toBeNull();
    expect(mine?.lastMessage).toBeNull();
  });

  it("filters by anger, threat, assignee and search, and pages", async () => {
    expect((await inbox("?threat=legal")).items.map((i) => i.case.id)).toEqual([ids.furious]);
    expect((await inbox("?threat=any")).items.map((i) => i.case.id)).toEqual([ids.furious]);
    expect((await inbox("?threat=churn")).items).toEqual([]);
    const angry = (await inbox("?anger=annoyed")).items.map((i) => i.case.id);
    expect(angry).toContain(ids.furious);
    expect(angry).not.toContain(ids.calm);
    expect((await inbox("?assignee=me")).items.map((i) => i.case.id)).toEqual([ids.mine]);
    expect((await inbox("?assignee=none")).total).toBe(3);
    expect((await inbox("?q=router")).items.map((i) => i.case.id)).toEqual([ids.late]);
    expect((await inbox("?q=legal%20action")).items.map((i) => i.case.id)).toEqual([ids.furious]);
    expect((await inbox("?q=100%25")).items).toEqual([]);
    const page = await inbox("?sort=oldest&limit=2&offset=1");
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.case.id)).toEqual([ids.late, ids.furious]);
  });

  it("leaves resolved cases out unless asked, and rejects unknown filters with a message", async () => {
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/cases/${ids.calm}`,
      headers,
      payload: { status: "resolved" },
    });
    expect((await inbox()).items.map((i) => i.case.id)).not.toContain(ids.calm);
    expect((await inbox("?status=resolved")).items.map((i) => i.case.id)).toEqual([ids.calm]);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/inbox?anger=livid", headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("querystring.anger");
  });
});
