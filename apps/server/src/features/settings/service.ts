/**
 * @module Admin settings: each feature defines its keys (schema, default, description); values are stored as
 * versions, so every change is kept and can be read back. A stored value that no longer fits its schema (after an
 * upgrade) reads as the default rather than breaking the feature.
 */
import {
  currentSetting,
  type Database,
  type JsonValue,
  type SettingVersion,
  saveSetting,
  settingHistory,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { failure, type Result, success, toJson } from "../../service-result.js";

export interface SettingDefinition<S extends z.ZodType = z.ZodType> {
  key: string;
  schema: S;
  defaultValue: z.output<S>;
  description: string;
}

export const defineSetting = <S extends z.ZodType>(definition: SettingDefinition<S>): SettingDefinition<S> =>
  definition;

export interface SettingState<T> {
  value: T;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/**
 * The versions a transaction has read, by key: a batch of reactions reads the same few settings for each of its
 * messages, and one read per transaction serves them all. Outside a transaction every read goes to the database.
 */
const readByTransaction = new WeakMap<Kysely<Database>, Map<string, SettingVersion | undefined>>();

async function storedSetting(db: Kysely<Database>, key: string): Promise<SettingVersion | undefined> {
  if (!db.isTransaction) return currentSetting(db, key);
  let read = readByTransaction.get(db);
  if (read === undefined) {
    read = new Map();
    readByTransaction.set(db, read);
  }
  if (read.has(key)) return read.get(key);
  const stored = await currentSetting(db, key);
  read.set(key, stored);
  return stored;
}

export async function readSettingState<S extends z.ZodType>(
  db: Kysely<Database>,
  definition: SettingDefinition<S>,
): Promise<SettingState<z.output<S>>> {
  const stored = await storedSetting(db, definition.key);
  if (stored) {
    const parsed = definition.schema.safeParse(stored.value);
    if (parsed.success) {
      return {
        value: parsed.data,
        version: stored.version,
        updatedAt: stored.created_at,
        updatedBy: stored.author_agent_id,
      };
    }
  }
  return { value: definition.defaultValue, version: 0, updatedAt: null, updatedBy: null };
}

/** The current value of a setting: `readSetting(db, definition)` or `readSetting(db, key, schema, default)`. */
export async function readSetting<S extends z.ZodType>(
  db: Kysely<Database>,
  definition: SettingDefinition<S>,
): Promise<z.output<S>>;
export async function readSetting<S extends z.ZodType>(
  db: Kysely<Database>,
  key: string,
  schema: S,
  defaultValue: z.output<S>,
): Promise<z.output<S>>;
export async function readSetting<S extends z.ZodType>(
  db: Kysely<Database>,
  keyOrDefinition: string | SettingDefinition<S>,
  schema?: S,
  defaultValue?: z.output<S>,
): Promise<z.output<S>> {
  const definition =
    typeof keyOrDefinition === "string"
      ? {
          key: keyOrDefinition,
          schema: schema as S,
          defaultValue: defaultValue as z.output<S>,
          description: "",
        }
      : keyOrDefinition;
  return (await readSettingState(db, definition)).value;
}

/** Validates and stores a new version; the message names the field to fix. */
export async function writeSetting<S extends z.ZodType>(
  db: Kysely<Database>,
  definition: SettingDefinition<S>,
  value: unknown,
  actor: { agentId: string | null },
  now: Date,
): Promise<Result<SettingState<z.output<S>>>> {
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ["value", ...(issue?.path ?? []).map(String)].join(".");
    return failure("validation_failed", `${path}: ${issue?.message ?? "is invalid"}`, path);
  }
  const saved = await saveSetting(db, definition.key, toJson(parsed.data), actor.agentId, now);
  // A transaction that writes a setting reads it back as written.
  readByTransaction.get(db)?.delete(definition.key);
  return success({
    value: parsed.data,
    version: saved.version,
    updatedAt: saved.created_at,
    updatedBy: saved.author_agent_id,
  });
}

export async function readSettingHistory(
  db: Kysely<Database>,
  key: string,
): Promise<Array<{ version: number; value: JsonValue; createdAt: Date; updatedBy: string | null }>> {
  return (await settingHistory(db, key)).map((row) => ({
    version: row.version,
    value: row.value,
    createdAt: row.created_at,
    updatedBy: row.author_agent_id,
  }));
}
