/** @module Schemas every API area shares: ids, text without NUL bytes, timestamps, pagination, the error body. */
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

/** Text a person typed: bounded, and without NUL characters (PostgreSQL text cannot hold them). */
export const Text = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

/** A required one-line name or subject: trimmed, 1–`max` characters. */
export const Name = (max = 200) =>
  Text(max)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "must not be empty"));

export const Timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 timestamp (UTC).");

/** Offset pagination for lists. */
export const Offset = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const IdParams = z.object({ id: Uuid });

/** The optional header that makes a create safe to retry. */
export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
    .optional()
    .describe("Same key and body → the first response is replayed; same key, other body → 409."),
});
