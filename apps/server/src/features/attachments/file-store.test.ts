/** @module Files on disk: the limit checked while bytes arrive, nothing left after a failure, paths kept inside. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileTooLargeError, keepFile, receiveFile, storedFilePath } from "./file-store.js";

describe("attachment files on disk", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "keel-files-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const incoming = () => readdir(join(dir, "incoming"));

  it("receives a stream in chunks and keeps it under a fresh name", async () => {
    const received = await receiveFile(dir, Readable.from([Buffer.from("abc"), Buffer.from("def")]), 6);
    expect(received.size).toBe(6);
    const stored = await keepFile(dir, received.path);
    expect(stored).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await readFile(join(dir, stored), "utf8")).toBe("abcdef");
    expect(await incoming()).toEqual([]);
  });

  it("stops at the first byte over the limit without reading the rest, and leaves nothing", async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(receiveFile(dir, endless, 10 * 1024)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(pulled).toBeLessThan(100);
    expect(await incoming()).toEqual([]);
  });

  it("leaves nothing when the limit trips before the file has even opened", async () => {
    for (let i = 0; i < 20; i++) {
      await expect(receiveFile(dir, Readable.from([Buffer.alloc(64)]), 8)).rejects.toBeInstanceOf(
        FileTooLargeError,
      );
    }
    // An open still in flight would create its file after the removal: give it time to, then look.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await incoming()).toEqual([]);
  });

  it("leaves nothing when the client goes away mid-upload", async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from("partial"));
        this.destroy(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    await expect(receiveFile(dir, broken, 1024)).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(await incoming()).toEqual([]);
  });

  it("resolves stored paths inside the folder only", () => {
    expect(storedFilePath(dir, "ab/ab12")).toBe(join(dir, "ab/ab12"));
    expect(storedFilePath(dir, "../secret")).toBeUndefined();
    expect(storedFilePath(dir, "/etc/passwd")).toBeUndefined();
    expect(storedFilePath(dir, "")).toBeUndefined();
  });
});
