/** @module JSON bodies must be valid UTF-8: bad bytes are a 400 naming the body, not silently replaced characters. */
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

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
      done(null, value);
    });
  });
}
