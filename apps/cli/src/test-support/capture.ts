/** @module Test helpers: a writable that collects what is written, and temp files. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

export interface Captured extends Writable {
  text(): string;
  isTTY?: boolean;
  columns?: number;
}

export function capture(options: { isTTY?: boolean; columns?: number } = {}): Captured {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Captured;
  stream.text = () => chunks.join("");
  if (options.isTTY !== undefined) stream.isTTY = options.isTTY;
  if (options.columns !== undefined) stream.columns = options.columns;
  return stream;
}

export interface TempDir {
  path: string;
  file(name: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), "keel-cli-"));
  return {
    path,
    async file(name, content) {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
