/** @module /api/docs: the OpenAPI 3.1 document generated from the contracts, and a plain page listing operations. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { escapeHtml } from "../home/html.js";

interface Operation {
  method: string;
  path: string;
  summary: string;
  tag: string;
}

function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const op = operation as { summary?: string; tags?: string[] };
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        tag: op.tags?.[0] ?? "other",
      });
    }
  }
  return operations.sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path));
}

export const docsRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/api/docs/openapi.json", { schema: { hide: true } }, async () => app.swagger());

    app.get("/api/docs", { schema: { hide: true } }, async (_request, reply) => {
      const rows = operationsOf(app.swagger() as { paths?: Record<string, Record<string, unknown>> })
        .map(
          (op) =>
            `<tr><td>${escapeHtml(op.tag)}</td><td><code>${op.method}</code></td><td><code>${escapeHtml(op.path)}</code></td><td>${escapeHtml(op.summary)}</td></tr>`,
        )
        .join("\n");
      return reply.type("text/html; charset=utf-8").send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keel API</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.2rem .6rem;border-bottom:1px solid #ddd}</style></head>
<body><h1>Keel API</h1>
<p>The machine-readable OpenAPI 3.1 document: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.
Sign in with <code>POST /api/v1/auth/login</code> (cookie session; echo the <code>keel_csrf</code> cookie in the
<code>x-csrf-token</code> header on unsafe requests) or send <code>Authorization: Bearer &lt;API token&gt;</code>.
Every create accepts an <code>Idempotency-Key</code> header.</p>
<table><thead><tr><th>Area</th><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`);
    });
  };
