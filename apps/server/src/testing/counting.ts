/** @module A database handle that counts the statements it runs, for tests that pin round trips. */
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";

/** The same database (same pool), counting every statement it executes, transactions' included. */
export function countingStatements(db: Kysely<Database>): { db: Kysely<Database>; statements: () => number } {
  let statements = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  });
  return { db: counted, statements: () => statements };
}
