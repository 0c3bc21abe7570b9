/**
 * @module Query strings must not carry a NUL character (`%00`): PostgreSQL text cannot hold one, so a NUL reaching
 * a query is a 500. Refused for every route at once, naming the parameter, before any route's own validation.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

/** The name of the first query parameter whose name or value holds a NUL, or undefined. */
export function queryParameterWithNul(url: string): string | undefined {
  const start = url.indexOf("?");
  if (start === -1 || !url.includes("%00", start)) return undefined;
  for (const [name, value] of new URLSearchParams(url.slice(start + 1))) {
    if (name.includes("\u0000") || value.includes("\u0000")) return name.replaceAll("\u0000", "");
  }
  return undefined;
}

export function installQueryNulGuard(app: FastifyInstance): void {
  // Callback style: it runs on every request and never waits, so no promise per request.
  app.addHook("onRequest", (request, _reply, done) => {
    const name = queryParameterWithNul(request.url);
    if (name === undefined) {
      done();
      return;
    }
    const field = `querystring.${name}`;
    done(new AppError("validation_failed", `${field}: must not contain NUL characters`, field));
  });
}
