/**
 * @module Prepared statements for the hottest queries. PostgreSQL plans an unnamed statement on every run; for the
 * few statements that run once per message (reading a message's context, storing it) planning cost as much as
 * running them. A statement whose text starts with PREPARED is sent as a named statement instead: parsed and
 * planned once per connection, then only bound and executed. Only marked statements are named, so the server keeps
 * a handful of plans per connection rather than one per distinct query text.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";

const MARK = "/* prepared */";

/** Put first in a hot statement's text: `sql\`${PREPARED} SELECT …\``. */
export const PREPARED = sql.raw(MARK);

const names = new Map<string, string>();

/** The statement's name: the same on every connection for the same text. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `keel_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** A pg client that sends marked statements as named ones (see the module comment). */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only forwards them.
  override query(...args: unknown[]): any {
    const [text, values] = args;
    if (
      typeof text === "string" &&
      text.startsWith(MARK) &&
      (values === undefined || Array.isArray(values))
    ) {
      const rest = args.slice(2);
      // biome-ignore lint/suspicious/noExplicitAny: forwarded to the overload taking a config object.
      return (super.query as any)({ name: statementName(text), text, values: values ?? [] }, ...rest);
    }
    // biome-ignore lint/suspicious/noExplicitAny: forwarded unchanged.
    return (super.query as any)(...args);
  }
}
