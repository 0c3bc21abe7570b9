/** @module Schemas every API area shares: ids, pagination, the error body. */
import { z } from "zod";

export const Uuid = z.uuid();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code, e.g. `validation_failed`, `not_found`."),
    message: z.string().describe("What went wrong and what to fix, in plain words."),
    field: z.string().optional().describe("The request field at fault, when one is."),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
