/**
 * @module Every route's bad input, found by walking the OpenAPI document: wrong types, empty objects, NUL characters,
 * invalid UTF-8 and malformed ids must each get a 4xx with a message — never a 500.
 */
import { randomUUID } from "node:crypto";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInboundMessage } from "../features/messages/service.js";
import { agentWithToken } from "../testing/agents.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
}

interface Operation {
  method: string;
  path: string;
  body: JsonSchema | undefined;
  query: Parameter[];
}

interface Parameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Parameter[] }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

function operationsOf(doc: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        body: operation.requestBody?.content?.["application/json"]?.schema,
        query: (operation.parameters ?? []).filter((p) => p.in === "query"),
      });
    }
  }
  return operations;
}

function resolve(doc: OpenApi, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;

/** A value the schema accepts, as far as a simple reading can tell; free-text strings carry a NUL character. */
function sample(doc: OpenApi, raw: JsonSchema, text: string, allProperties: boolean): unknown {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const first = choices.find((c) => typeOf(resolve(doc, c)) !== "null") ?? choices[0];
    return first ? sample(doc, first, text, allProperties) : null;
  }
  if (schema.allOf?.[0]) return sample(doc, schema.allOf[0], text, allProperties);
  switch (typeOf(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (allProperties || schema.required?.includes(name)) {
          out[name] = sample(doc, property, text, allProperties);
        }
      }
      return out;
    }
    case "array": {
      const count = Math.max(schema.minItems ?? 0, 1);
      return Array.from({ length: count }, () =>
        schema.items ? sample(doc, schema.items, text, allProperties) : text,
      );
    }
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
      return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case "boolean":
      return true;
    case "string":
      return sampleString(schema, text);
    default:
      return text;
  }
}

function sampleString(schema: JsonSchema, text: string): string {
  switch (schema.format) {
    case "uuid":
      return randomUUID();
    case "email":
      return "someone@example.com";
    case "date-time":
      return "2026-11-20T10:00:00.000Z";
    case "date":
      return "2026-11-20";
    case "uri":
    case "url":
      return "https://example.com/hook";
  }
  const padded = text.padEnd(schema.minLength ?? 0, "x");
  return schema.maxLength === undefined ? padded : padded.slice(0, Math.max(schema.maxLength, 1));
}

/** The same object with every declared property given a value of the wrong JSON type. */
function wrongTyped(doc: OpenApi, raw: JsonSchema): Record<string, unknown> {
  const schema = resolve(doc, raw);
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const type = typeOf(resolve(doc, property));
    out[name] = type === "string" ? 12345 : type === "array" ? "not a list" : type === "object" ? 7 : "wrong";
  }
  return out;
}

/** A plausible body whose enum-valued top-level fields hold a value outside the enum; undefined when none has one. */
function unknownEnums(doc: OpenApi, raw: JsonSchema): Record<string, unknown> | undefined {
  const schema = resolve(doc, raw);
  const body = sample(doc, schema, "Plain words", true) as Record<string, unknown>;
  let changed = false;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (resolve(doc, property).enum) {
      body[name] = "no-such-value";
      changed = true;
    }
  }
  return changed ? body : undefined;
}

/** Path parameters named like ids; `{id}` after a collection name gets a real row of it when the test has one. */
const PARAM = /\{([^}]+)\}/g;

describe.each(backends())("bad input on every route on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let doc: OpenApi;
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "admin")).headers;
    doc = (await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Broken kettle" },
      contact: { kind: "email", value: "kettle@example.com", name: "Kim" },
      body: "The kettle you sold me leaks.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    realIds.cases = inbound.value.case.id;
    realIds.messages = inbound.value.message.id;
    realIds.customers = inbound.value.case.customer_id;
    realIds.agents = (await agentWithToken(t, "agent")).agent.id;
  });
  afterAll(async () => t?.close());

  /** The URL with ids filled in; `broken` names the parameter to replace with a malformed id. */
  const urlOf = (path: string, broken?: string, value = "not-a-uuid") =>
    path.replace(PARAM, (_whole, name: string, offset: number) => {
      if (name === broken) return value;
      const collection = path.slice(0, offset).split("/").filter(Boolean).at(-1) ?? "";
      return (name === "id" ? realIds[collection] : undefined) ?? randomUUID();
    });

  type Send = {
    method: string;
    url: string;
    payload?: string | Buffer;
    json?: unknown;
    contentType?: string;
  };
  const problems: string[] = [];

  async function check(what: string, request: Send, expectClientError: boolean): Promise<void> {
    const payload =
      request.payload ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
    const res = await t.app.inject({
      method: request.method as "GET",
      url: request.url,
      headers:
        payload === undefined
          ? headers
          : { ...headers, "content-type": request.contentType ?? "application/json" },
      ...(payload === undefined ? {} : { payload }),
    });
    const label = `${request.method} ${request.url} ${what}`;
    const unavailable = res.statusCode === 503 && res.json().error?.code === "unavailable";
    if (res.statusCode >= 500 && !unavailable) {
      problems.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return;
    }
    if (res.statusCode >= 400) {
      const message = (res.json() as { error?: { message?: unknown } }).error?.message;
      if (typeof message !== "string" || message === "")
        problems.push(`${label}: ${res.statusCode} without a message`);
    } else if (expectClientError) {
      problems.push(`${label}: accepted with ${res.statusCode}`);
    }
  }

  it("walks a document that lists the API", () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((op) => op.body).length).toBeGreaterThan(20);
  });

  it("answers wrong types, empty objects, NUL characters and bad UTF-8 in JSON bodies with a 4xx", async () => {
    problems.length = 0;
    let checked = 0;
    for (const op of operationsOf(doc)) {
      if (!op.body) continue;
      checked++;
      const schema = resolve(doc, op.body);
      const url = urlOf(op.path);
      const hasProperties = Object.keys(schema.properties ?? {}).length > 0;
      await check("with a string for a body", { method: op.method, url, json: "just text" }, true);
      await check(
        "with wrong-typed fields",
        { method: op.method, url, json: wrongTyped(doc, schema) },
        hasProperties,
      );
      await check(
        "with an empty object",
        { method: op.method, url, json: {} },
        (schema.required ?? []).length > 0,
      );
      for (const allProperties of [false, true]) {
        const body = sample(doc, schema, "Na\u0000me", allProperties);
        const hasNul = JSON.stringify(body).includes("\\u0000");
        await check(
          `with NUL characters ${JSON.stringify(body)}`,
          { method: op.method, url, json: body },
          hasNul,
        );
        // The same body without the NUL reaches the handler, which must not fail on plausible input either.
        const plain = sample(doc, schema, "Plain words", allProperties);
        await check(
          `with a plausible body ${JSON.stringify(plain)}`,
          { method: op.method, url, json: plain },
          false,
        );
      }
      const invalidUtf8 = Buffer.concat([
        Buffer.from('{"subject":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ]);
      await check("with invalid UTF-8", { method: op.method, url, payload: invalidUtf8 }, true);
      const badEnum = unknownEnums(doc, schema);
      if (badEnum) await check("with an unknown enum value", { method: op.method, url, json: badEnum }, true);
      const oversize = `{"text":"${"x".repeat(3 * 1024 * 1024)}"}`;
      await check("with a 3 MB body", { method: op.method, url, payload: oversize }, true);
      const asText = { method: op.method, url, payload: "subject=hello", contentType: "text/plain" };
      await check("as text/plain", asText, true);
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 120_000);

  it("names the field that holds a NUL character", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/contact",
      payload: { email: "nul@example.com", message: "hello\u0000there" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: "body.message",
      message: "body.message: must not contain NUL characters",
    });
    const query = await t.app.inject({ method: "GET", url: "/api/v1/notifications?kind=a%00b", headers });
    expect(query.statusCode).toBe(400);
    expect(query.json().error).toMatchObject({
      field: "querystring.kind",
      message: "querystring.kind: must not contain NUL characters",
    });
  });

  it("answers a query parameter of the wrong type, outside its enum or holding a NUL with a 4xx", async () => {
    problems.length = 0;
    let checked = 0;
    for (const op of operationsOf(doc)) {
      const schema = op.body ? resolve(doc, op.body) : undefined;
      const json = schema ? sample(doc, schema, "text", true) : undefined;
      for (const parameter of op.query) {
        const type = parameter.schema ? typeOf(resolve(doc, parameter.schema)) : undefined;
        const hasEnum = parameter.schema ? resolve(doc, parameter.schema).enum !== undefined : false;
        const wrong = hasEnum
          ? "no-such-value"
          : type === "integer" || type === "number"
            ? "twelve"
            : type === "string"
              ? "a%00b"
              : undefined;
        if (wrong === undefined) continue;
        checked++;
        const url = `${urlOf(op.path)}?${parameter.name}=${wrong}`;
        await check(`(query ${parameter.name})`, { method: op.method, url, json }, true);
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers odd values in any path parameter — NUL, bad percent-encoding, very long — with a 4xx", async () => {
    problems.length = 0;
    let checked = 0;
    for (const op of operationsOf(doc)) {
      const schema = op.body ? resolve(doc, op.body) : undefined;
      const json = schema ? sample(doc, schema, "text", true) : undefined;
      for (const [, name] of op.path.matchAll(PARAM)) {
        if (!name) continue;
        for (const odd of ["a%00b", "%FF%FE", "x".repeat(250)]) {
          checked++;
          const url = urlOf(op.path, name, odd);
          await check(`(path ${name} = ${odd.slice(0, 12)})`, { method: op.method, url, json }, true);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers a malformed id in any path with a 4xx", async () => {
    problems.length = 0;
    let checked = 0;
    for (const op of operationsOf(doc)) {
      for (const [, name] of op.path.matchAll(PARAM)) {
        if (!name || !(name === "id" || name.endsWith("Id"))) continue;
        checked++;
        const schema = op.body ? resolve(doc, op.body) : undefined;
        const json = schema ? sample(doc, schema, "text", true) : undefined;
        await check(`(malformed ${name})`, { method: op.method, url: urlOf(op.path, name), json }, true);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 120_000);
});
