/** @module Tests for the mbox reader and the quoted-reply stripping of email bodies. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ReaderItem } from "../source-row.js";
import { stripQuoted } from "./mail-body.js";
import { readMbox } from "./read-mbox.js";

async function readAll(text: string): Promise<ReaderItem[]> {
  const items: ReaderItem[] = [];
  for await (const item of readMbox(Readable.from([text]))) items.push(item);
  return items;
}

const MBOX = [
  "From alice@example.com Mon Nov 23 10:00:00 2026",
  "From: Alice <alice@example.com>",
  "Subject: Still no refund",
  "Message-ID: <m1@example.com>",
  "",
  "This is the third time I write.",
  "",
  "On Fri, Nov 20, 2026 at 9:00 AM Support <support@example.com> wrote:",
  "> Your refund will arrive in 5-7 business days.",
  "",
  "From bob@example.com Mon Nov 23 11:00:00 2026",
  "From: Bob <bob@example.com>",
  "Subject: Broken kettle",
  "",
  "The kettle leaks.",
  ">From the first day.",
  "",
].join("\n");

describe("readMbox", () => {
  it("yields one row per email with subject and unquoted body as the customer text", async () => {
    const items = await readAll(MBOX);
    expect(items).toHaveLength(2);
    const [first, second] = items;
    expect(first).toEqual({
      ok: true,
      row: {
        where: "line 1",
        id: "<m1@example.com>",
        customer: "Still no refund\n\nThis is the third time I write.",
        reply: null,
      },
    });
    // No Message-ID: the row number is the id; ">From" is unescaped back to "From".
    expect(second).toMatchObject({
      ok: true,
      row: { where: "line 11", id: 2, customer: "Broken kettle\n\nThe kettle leaks.\nFrom the first day." },
    });
  });

  it("stops with an input error when the file does not start with a From line", async () => {
    const items = await readAll("Subject: hi\n\nbody\n");
    expect(items).toEqual([
      { fatal: expect.stringContaining('must start with a "From " line'), exitCode: 1 },
    ]);
  });
});

describe("stripQuoted", () => {
  it("drops quoted lines and the attribution above them", () => {
    expect(stripQuoted("Still broken.\n\nOn Mon, Ann <a@b.c> wrote:\n> Try again\n> Thanks")).toBe(
      "Still broken.",
    );
  });

  it("drops everything after an Outlook-style original message marker and a signature", () => {
    expect(stripQuoted("Please call me.\n-----Original Message-----\nFrom: support\nWe fixed it")).toBe(
      "Please call me.",
    );
    expect(stripQuoted("Please call me.\n-- \nJo Bloggs\nACME Ltd")).toBe("Please call me.");
  });

  it("keeps interleaved answers between quotes", () => {
    expect(stripQuoted("> Did it arrive?\nNo, it did not.\n> Which colour?\nRed.")).toBe(
      "No, it did not.\nRed.",
    );
  });
});
