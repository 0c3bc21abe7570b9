/**
 * @module Answers written from each route's response schema by fast-json-stringify (Fastify's own serializer),
 * compiled from the JSON Schema of the same zod schema: only the declared fields are written, as the zod serializer
 * did, at about half its cost (it validated and copied every answer before writing it: ~12 µs of a message's
 * 201, ~8 % of the server's busy time under the ingest bench). With `check` (tests), every answer is also written
 * the zod way and the two must be the same JSON, so the route tests hold both to the contract. (Not always the same
 * text: fast-json-stringify writes an object's optional fields after its required ones.)
 */
import { isDeepStrictEqual } from "node:util";
import fastJsonStringify from "fast-json-stringify";
import { createSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { $ZodType } from "zod/v4/core";

type Serialize = (data: unknown) => string;
type SerializerCompiler = ReturnType<typeof createSerializerCompiler>;

/** The JSON Schema of a response's zod schema as fast-json-stringify reads it; null when zod cannot express it. */
export function fastSerializerFor(schema: $ZodType): Serialize | null {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: "output", target: "draft-7" }) as Record<string, unknown>;
  } catch {
    // A type JSON Schema cannot describe (a date, a transform…): zod writes that answer.
    return null;
  }
  const { $schema: _dialect, ...rest } = json;
  return fastJsonStringify(rest as unknown as Parameters<typeof fastJsonStringify>[0]) as Serialize;
}

export class ResponseMismatchError extends Error {
  constructor(method: string, url: string, fast: string, checked: string) {
    super(
      `${method} ${url}: the response written from its JSON Schema differs from zod's.\n fast: ${fast.slice(0, 500)}\n zod:  ${checked.slice(0, 500)}`,
    );
    this.name = "ResponseMismatchError";
  }
}

/**
 * The serializer compiler for every route. Each route's fast serializer is compiled on its first answer, not at
 * start: a desk has ~100 routes and most answers come from a few of them.
 */
export function responseSerializerCompiler(options: {
  check: boolean;
  /** How a route's fast serializer is made (tests replace it). */
  compileFast?: (schema: $ZodType) => Serialize | null;
}): SerializerCompiler {
  const zodCompiler = createSerializerCompiler({});
  const compileFast = options.compileFast ?? fastSerializerFor;
  return (route) => {
    const viaZod: Serialize = zodCompiler(route);
    // As the zod compiler reads it (it has thrown already for anything else).
    const schema = route.schema instanceof $ZodType ? route.schema : route.schema.properties;
    let fast: Serialize | null | undefined;
    return (data: unknown) => {
      fast ??= compileFast(schema);
      if (fast === null) return viaZod(data);
      const text = fast(data);
      if (options.check) {
        const checked = viaZod(data);
        if (checked !== text && !isDeepStrictEqual(JSON.parse(checked), JSON.parse(text)))
          throw new ResponseMismatchError(route.method, route.url, text, checked);
      }
      return text;
    };
  };
}
