/**
 * @module JSON bodies must be valid UTF-8 without NUL characters: bad bytes are a 400 naming the body, not silently
 * replaced characters, and a NUL (which PostgreSQL text and jsonb cannot hold) is a 400 naming its field.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The dotted path of the first string (or key) holding a NUL character, or undefined. */
export function pathOfNul(value: unknown, path = "body"): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return path;
    const found = pathOfNul(item, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

export function installUtf8JsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new AppError("validation_failed", "body: is not valid UTF-8", "body"), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) {
        done(
          new AppError("validation_failed", `body: is not valid JSON (${error.message})`, "body"),
          undefined,
        );
        return;
      }
      // Only a body that spells the escape can hold a NUL (a raw one is invalid JSON), so most skip the walk.
      const nulAt = text.includes("\\u0000") ? pathOfNul(value) : undefined;
      if (nulAt) {
        done(
          new AppError("validation_failed", `${nulAt}: must not contain NUL characters`, nulAt),
          undefined,
        );
        return;
      }
      done(null, value);
    });
  });
}
