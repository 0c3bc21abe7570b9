/** @module `/`: a small page saying where things are (API docs, health, demo logins) until the web app arrives. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DEMO_LOGINS } from "../../demo/people.js";
import type { AppDeps } from "../../deps.js";
import { escapeHtml } from "./html.js";

export const homeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => {
      const logins =
        deps.config.KEEL_SEED_DEMO === "true"
          ? `<h2>Demo logins</h2><table>${DEMO_LOGINS.map(
              (l) =>
                `<tr><td>${escapeHtml(l.role)}</td><td><code>${escapeHtml(l.email)}</code></td><td><code>${escapeHtml(l.password)}</code></td></tr>`,
            ).join("")}</table>`
          : "";
      return reply.type("text/html; charset=utf-8").send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keel</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:48rem;line-height:1.5}td{padding:.2rem .8rem}</style></head>
<body><h1>Keel</h1>
<p>A self-hosted complaint desk that reads angry customers and coaches the replies.</p>
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>)</li>
<li><a href="/api/v1/health">Health</a></li>
<li>Try it: <code>POST /api/v1/auth/login</code> with a demo login, then <code>GET /api/v1/cases</code> and
<code>GET /api/v1/cases/&lt;id&gt;/anger</code>.</li>
</ul>
${logins}
<p>The web app for agents arrives in a later release; everything it will do is in the API today.</p>
</body></html>`);
    });
  };
