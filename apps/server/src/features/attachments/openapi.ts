/**
 * @module The upload route's OpenAPI entry: the JSON body generated from the contract as everywhere else, plus the
 * `multipart/form-data` alternative, which a zod schema cannot describe (the file arrives as a stream).
 */

import type { SwaggerTransform } from "@fastify/swagger";
import { NewAttachmentBody } from "@keel/contracts";
import { MAX_ATTACHMENT_BYTES } from "@keel/db";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

const MULTIPART_BODY = {
  type: "object",
  required: ["file"],
  properties: {
    file: {
      type: "string",
      format: "binary",
      description:
        `The file (at most ${MAX_ATTACHMENT_BYTES} bytes). Its name is made safe (no folders or control ` +
        "characters) and its media type comes from the name's extension, else from the part's Content-Type.",
    },
  },
};

export const uploadDocsTransform: SwaggerTransform = (input) => {
  // The route's own body schema is nullish so multipart passes validation; the JSON alternative is the contract.
  const withJsonBody = { ...input, schema: { ...input.schema, body: NewAttachmentBody } };
  const transformed = jsonSchemaTransform(withJsonBody as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = transformed.schema as { body?: unknown } | undefined;
  if (!schema?.body) return transformed;
  return {
    ...transformed,
    schema: {
      ...schema,
      body: {
        content: {
          "application/json": { schema: schema.body },
          "multipart/form-data": { schema: MULTIPART_BODY },
        },
      },
    },
  };
};
