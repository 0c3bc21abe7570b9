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

  it("lists operations on the docs page; the home page is the web app", async () => {
    const docs = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.headers["content-type"]).toContain("text/html");
    expect(docs.body).toContain("/api/v1/cases/{id}/messages");
    const home = await t.app.inject({ method: "GET", url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.headers["content-type"]).toContain("text/html");
  });
});
