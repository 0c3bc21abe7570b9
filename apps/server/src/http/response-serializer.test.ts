import { CreatedMessage } from "@keel/contracts";
import { serializerCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  fastSerializerFor,
  ResponseMismatchError,
  responseSerializerCompiler,
} from "./response-serializer.js";

const CASE_ID = "98124626-b2b3-4490-99b0-8d5b1a452137";
const created = {
  message: {
    id: "4a978e46-ef98-4ec4-8504-ca338589f6f4",
    caseId: CASE_ID,
    direction: "inbound",
    channel: "api",
    body: 'Third time asking: where is my refund? "Soon" is not an answer \\ and ünïcode 🙂',
    authorAgentId: null,
    authorContactId: "c6165b01-1a00-4997-9487-13f658732eec",
    externalMessageId: "ext-1",
    analysis: {
      kind: "customer",
      coach_version: "0.1.0",
      result: {
        anger: 61,
        emotions: { anger: 0.61, relief: 0 },
        threats: [],
        facts: [{ kind: "order", value: "#1" }],
      },
    },
    createdAt: "2026-11-26T11:43:10.462Z",
  },
  case: {
    id: CASE_ID,
    number: 160,
    subject: "Refund not received",
    status: "open",
    priority: "high",
    customerId: "89e99a27-e150-455d-96b6-310bb9388e87",
    teamId: null,
    assigneeId: null,
    tags: ["refund", "vip"],
    firstResponseDueAt: "2026-11-26T19:43:05.577Z",
    firstRespondedAt: null,
    resolutionDueAt: "2026-11-29T11:43:05.577Z",
    resolvedAt: null,
    slaPaused: false,
    slaPausedSeconds: 0,
    createdAt: "2026-11-26T11:43:05.576Z",
    updatedAt: "2026-11-26T11:43:05.576Z",
  },
  created: true,
};

const route = (schema: z.ZodType) => ({ schema, method: "POST", url: "/test", httpPart: "body" as const });

describe("responseSerializerCompiler", () => {
  it("writes a created message exactly as the zod serializer does", () => {
    const viaZod = serializerCompiler(route(CreatedMessage));
    const fast = responseSerializerCompiler({ check: true })(route(CreatedMessage));
    expect(fast(created)).toBe(viaZod(created));
    expect(JSON.parse(fast(created))).toEqual(created);
  });

  it("writes optional fields after the required ones: the same JSON as zod's, which the check accepts", () => {
    const Span = z.object({ start: z.number().int(), note: z.string().optional(), end: z.number().int() });
    const write = responseSerializerCompiler({ check: true })(route(Span));
    expect(write({ start: 1, note: "x", end: 2 })).toBe('{"start":1,"end":2,"note":"x"}');
    expect(write({ start: 1, end: 2 })).toBe('{"start":1,"end":2}');
  });

  it("writes only the declared fields", () => {
    const Agent = z.object({ id: z.string(), name: z.string() });
    const write = responseSerializerCompiler({ check: true })(route(Agent));
    expect(write({ id: "a1", name: "Ana", password_hash: "scrypt$secret" })).toBe('{"id":"a1","name":"Ana"}');
  });

  it("lets zod write what JSON Schema cannot describe", () => {
    const WithDate = z.object({ at: z.date() });
    expect(fastSerializerFor(WithDate)).toBeNull();
    const write = responseSerializerCompiler({ check: true })(route(WithDate));
    expect(write({ at: new Date("2026-01-02T03:04:05Z") })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });

  it("still refuses an answer that breaks its contract when checking", () => {
    const write = responseSerializerCompiler({ check: true })(route(CreatedMessage));
    expect(() => write({ ...created, case: { ...created.case, status: "lost" } })).toThrow();
  });

  it("fails a checked answer whose fast text differs from zod's, and trusts the fast one otherwise", () => {
    const Small = z.object({ id: z.string() });
    const compileFast = () => () => '{"id":"other"}';
    const checked = responseSerializerCompiler({ check: true, compileFast })(route(Small));
    expect(() => checked({ id: "x" })).toThrow(ResponseMismatchError);
    const unchecked = responseSerializerCompiler({ check: false, compileFast })(route(Small));
    expect(unchecked({ id: "x" })).toBe('{"id":"other"}');
  });

  it("compiles a route's fast serializer on its first answer, once", () => {
    let compiled = 0;
    const compileFast = (schema: Parameters<typeof fastSerializerFor>[0]) => {
      compiled++;
      return fastSerializerFor(schema);
    };
    const write = responseSerializerCompiler({ check: false, compileFast })(
      route(z.object({ n: z.number() })),
    );
    expect(compiled).toBe(0);
    expect(write({ n: 1 })).toBe('{"n":1}');
    expect(write({ n: 2 })).toBe('{"n":2}');
    expect(compiled).toBe(1);
  });
});
