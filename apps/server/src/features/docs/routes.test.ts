/** @module The API docs: the OpenAPI document generated from the contracts, and the page listing it. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

describe.each(backends())("docs and home on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("serves an OpenAPI 3.1 document generated from the contracts", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths["/api/v1/cases"].post;
    expect(create.requestBody.content["application/json"].schema.properties.priority.enum).toEqual([
      "low",
      "normal",
      "high",
      "urgent",
    ]);
    expect(doc.paths["/api/v1/cases/{id}/anger"]).toBeDefined();
    expect(doc.paths["/"]).toBeUndefined();
  });

  it("gives every operation a tag and a summary, so the docs page groups and explains all of them", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    const bare: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { tags?: string[]; summary?: string }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(operations)) {
        if (!op.tags?.length || !op.summary) bare.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it("lists operations on the docs page; the home page is the web app", async () => {
    const docs = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.headers["content-type"]).toContain("text/html");
    expect(docs.body).toContain("/api/v1/cases/{id}/messages");
    const home = await t.app.inject({ method: "GET", url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.headers["content-type"]).toContain("text/html");
  });
});
