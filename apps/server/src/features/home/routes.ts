/**
 * @module `/` and every other non-API GET: the built web app from `apps/web/dist` (history routing, so unknown paths
 * get index.html), or a page saying how to build it. Paths under `/api` never fall back to the app.
 */
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { demoAccountRoutes } from "./demo-accounts.js";
import { escapeHtml } from "./html.js";
import { findWebDist, isBuilt } from "./web-dist.js";

export interface HomeOptions {
  /** The built web app's folder; defaults to `apps/web/dist` in this repository. */
  webDist?: string | null;
}

/** Hashed bundles never change under the same name (a year, immutable); index.html is re-read after a new build. */
const YEAR_MS = 365 * 24 * 3600 * 1000;

const notBuiltPage = (dist: string | null) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keel — web app not built</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:48rem;line-height:1.5}</style></head>
<body><h1>Keel</h1>
<p><strong>The web app has not been built.</strong> Run <code>npm run build</code> (or <code>npm start</code>, which
builds it) and reload this page.</p>
<p>Looked in <code>${escapeHtml(dist ?? "apps/web/dist")}</code>.</p>
<ul><li><a href="/api/docs">API documentation</a></li><li><a href="/api/v1/health">Health</a></li></ul>
</body></html>`;

export const homeRoutes =
  (deps: AppDeps, options: HomeOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(demoAccountRoutes(deps));
    const dist = options.webDist === undefined ? findWebDist() : options.webDist;
    if (dist !== null) await app.register(fastifyStatic, { root: dist, serve: false });

    app.get("/*", { schema: { hide: true } }, async (request, reply) => {
      const path = decodeURIComponent(request.url.split("?")[0] ?? "/");
      if (path === "/api" || path.startsWith("/api/")) {
        return reply.status(404).send({
          error: { code: "not_found", message: `No route for ${request.method} ${request.url}.` },
        });
      }
      // Checked per request so a build made while the server runs is picked up without a restart.
      if (!isBuilt(dist)) return reply.type("text/html; charset=utf-8").send(notBuiltPage(dist));
      const isAsset = /^\/assets\/[^/]+$/.test(path) || /^\/[^/]+\.[a-z0-9]+$/i.test(path);
      if (isAsset && path !== "/index.html") {
        return reply.sendFile(
          path.slice(1),
          path.startsWith("/assets/") ? { maxAge: YEAR_MS, immutable: true } : { cacheControl: false },
        );
      }
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html", { cacheControl: false });
    });
  };
