/**
 * @module Attachment files on disk, under `<data dir>/attachments`: uploads stream into `incoming/` with a byte
 * limit checked as they arrive (nothing is left behind when it is crossed), are fsynced, then moved into place —
 * so a file is durable before its row is committed and the upload acknowledged.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Files up to this size are kept in the database row; larger ones on disk. */
export const IN_ROW_MAX_BYTES = 256 * 1024;

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${limit} bytes.`);
    this.name = "FileTooLargeError";
  }
}

export const attachmentsDir = (dataDir: string): string => resolve(dataDir, "attachments");

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `source` to a new file in `<dir>/incoming` and fsyncs it, failing with `FileTooLargeError` as soon as
 * more than `limit` bytes arrive. On any failure the partial file is removed.
 */
export async function receiveFile(
  dir: string,
  source: Readable | Buffer,
  limit: number,
): Promise<{ path: string; size: number }> {
  await mkdir(join(dir, "incoming"), { recursive: true });
  const path = join(dir, "incoming", `${randomUUID()}.part`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limit ? new FileTooLargeError(limit) : null, chunk);
    },
  });
  const output = createWriteStream(path, { flags: "wx", flush: true });
  try {
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    await pipeline(input, counter, output);
  } catch (error) {
    // The file may still be opening when the limit trips: wait until the stream has closed, or the removal would
    // run first and the open would then leave an empty partial file behind.
    if (!output.closed) await new Promise<void>((resolve) => output.once("close", () => resolve()));
    await rm(path, { force: true });
    throw error;
  }
  return { path, size };
}

/** Moves a received file to its lasting place; returns its path relative to `dir`, as stored in the row. */
export async function keepFile(dir: string, receivedPath: string): Promise<string> {
  const id = randomUUID();
  const stored = join(id.slice(0, 2), id);
  const target = join(dir, stored);
  await mkdir(dirname(target), { recursive: true });
  await rename(receivedPath, target);
  await syncDirectory(dirname(target));
  return stored;
}

/** The absolute path of a stored file, or undefined when the stored path would lead outside `dir`. */
export function storedFilePath(dir: string, stored: string): string | undefined {
  const path = resolve(dir, stored);
  const inside = relative(dir, path);
  const outside = inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return outside ? undefined : path;
}

export async function removeStoredFile(dir: string, stored: string): Promise<void> {
  const path = storedFilePath(dir, stored);
  if (path) await rm(path, { force: true });
}

/** A stream of the stored file and its size, or undefined when it is missing. */
export async function openStoredFile(
  dir: string,
  stored: string,
): Promise<{ stream: ReadStream; size: number } | undefined> {
  const path = storedFilePath(dir, stored);
  if (!path) return undefined;
  try {
    const info = await stat(path);
    return { stream: createReadStream(path), size: info.size };
  } catch {
    return undefined;
  }
}
