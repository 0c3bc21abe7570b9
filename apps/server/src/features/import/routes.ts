/** @module POST /api/v1/imports (admin): a CSV with a column mapping, or a Zendesk ticket export; answers the report. */
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { requireRole } from "../auth/guard.js";
import { runImport } from "./import-service.js";

const Mapping = z.object({
  email: z.string().min(1),
  body: z.string().min(1),
  name: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  caseId: z.string().min(1).optional(),
  direction: z.string().min(1).optional(),
  createdAt: z.string().min(1).optional(),
});

const ImportRequest = z.discriminatedUnion("format", [
  z.object({ format: z.literal("csv"), content: z.string().min(1), mapping: Mapping.optional() }),
  z.object({ format: z.literal("zendesk"), content: z.string().min(1) }),
]);

/** Imports are bigger than other requests. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const importRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post(
      "/imports",
      {
        onRequest: requireRole(deps, "admin"),
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ["imports"],
          summary: "Import cases from CSV (with a column mapping) or a Zendesk JSON export (admin)",
          body: ImportRequest,
        },
      },
      async (request) => {
        const body = request.body;
        const source =
          body.format === "csv"
            ? {
                format: "csv" as const,
                content: body.content,
                ...(body.mapping ? { mapping: stripUndefined(body.mapping) } : {}),
              }
            : { format: "zendesk" as const, content: body.content };
        const outcome = await runImport(deps, source);
        if (!outcome.ok) throw new AppError("unprocessable", outcome.error, "content");
        return { report: outcome.report };
      },
    );
  };

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
