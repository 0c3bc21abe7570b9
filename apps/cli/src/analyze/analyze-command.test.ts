/** @module Tests for `keel analyze` run in-process: every input format, options, bad rows, output formats. */
import { readFile } from "node:fs/promises";
import { REPLY_LABELS } from "@keel/coach";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { capture, type TempDir, tempDir } from "../test-support/capture.js";
import { EXIT_BAD_ROWS, EXIT_OK, EXIT_USAGE, runAnalyze } from "./analyze-command.js";
import { parseAnalyzeOptions, type RawAnalyzeFlags } from "./analyze-options.js";
import type { OutputRow } from "./output-row.js";

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.remove();
});

async function analyze(file: string, flags: RawAnalyzeFlags = {}) {
  const parsed = parseAnalyzeOptions(file, { workers: "0", ...flags });
  if (!parsed.ok) throw new Error(parsed.message);
  const stdout = capture();
  const stderr = capture();
  const code = await runAnalyze(parsed.options, { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

const rowsOf = (jsonl: string): OutputRow[] =>
  jsonl
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as OutputRow);

const ANGRY = "This is the third time I write about order #A-1234. Still no refund!!!";
const REPLY = "I'm sorry about the refund. I've sent it today and you'll see it within 3 days.";

describe("keel analyze, JSONL input", () => {
  it("writes one row per input row, in order, with the exact output shape", async () => {
    const lines = [
      { id: "a", customer: ANGRY, reply: REPLY },
      { id: 7, customer: "Where is my parcel?" },
      { reply: "Thanks for waiting, your parcel ships today." },
    ];
    const file = await dir.file("in.jsonl", `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const { code, out, err } = await analyze(file);
    expect(code).toBe(EXIT_OK);
    expect(err).toContain("3 rows ok, 0 failed");
    const rows = rowsOf(out);
    expect(rows.map((r) => r.id)).toEqual(["a", 7, 3]);
    const [first, second, third] = rows;
    expect(Object.keys(first ?? {})).toEqual(["id", "customer", "reply"]);
    expect(Object.keys(first?.customer ?? {})).toEqual([
      "anger",
      "anger_level",
      "emotions",
      "abusive",
      "threats",
      "repeat_contact",
      "facts",
      "emotion_labels",
      "complaint",
      "offensive",
    ]);
    expect(Object.keys(first?.reply ?? {})).toEqual([
      "score",
      "labels",
      "fixes",
      "empathy_levels",
      "politeness",
    ]);
    expect(Object.keys(first?.reply?.empathy_levels ?? {})).toEqual([
      "emotional_reactions",
      "interpretations",
      "explorations",
    ]);
    expect(["hate", "offensive", "neither"]).toContain(first?.customer?.offensive);
    expect(Object.keys(first?.reply?.labels ?? {})).toEqual([...REPLY_LABELS]);
    expect(Object.values(first?.reply?.labels ?? {}).every((v) => typeof v === "boolean")).toBe(true);
    expect(second?.reply).toBeNull();
    expect(second?.customer).not.toBeNull();
    expect(third?.customer).toBeNull();
    expect(third?.reply?.score).toBeTypeOf("number");
  });

  it("reports bad lines with their line numbers, skips them, and exits 1", async () => {
    const file = await dir.file(
      "in.jsonl",
      [
        JSON.stringify({ customer: "fine" }),
        "{not json",
        "",
        JSON.stringify({ id: "x", other: "field" }),
        JSON.stringify({ customer: 42 }),
        JSON.stringify({ customer: "also fine" }),
      ].join("\n"),
    );
    const { code, out, err } = await analyze(file);
    expect(code).toBe(EXIT_BAD_ROWS);
    expect(err).toMatch(/line 2: invalid JSON/);
    expect(err).toMatch(/line 4: neither "customer" nor "reply" has text/);
    expect(err).toMatch(/line 5: "customer" must be a string, got number/);
    expect(err).toContain("2 rows ok, 3 failed");
    // Row numbers count every non-blank line, so ids stay stable when bad rows are skipped.
    expect(rowsOf(out).map((r) => r.id)).toEqual([1, 5]);
  });

  it("accepts a byte-order mark at the start of the file", async () => {
    const file = await dir.file("bom.jsonl", `\uFEFF${JSON.stringify({ id: "b", customer: "hello" })}\n`);
    const { code, out } = await analyze(file);
    expect(code).toBe(EXIT_OK);
    expect(rowsOf(out).map((r) => r.id)).toEqual(["b"]);
  });

  it("reads the columns named by the column options", async () => {
    const file = await dir.file(
      "in.jsonl",
      `${JSON.stringify({ key: "k1", body: ANGRY, answer: REPLY, customer: 1 })}\n`,
    );
    const { code, out } = await analyze(file, {
      customerColumn: "body",
      replyColumn: "answer",
      idColumn: "key",
    });
    expect(code).toBe(EXIT_OK);
    const [row] = rowsOf(out);
    expect(row?.id).toBe("k1");
    expect(row?.customer).not.toBeNull();
    expect(row?.reply).not.toBeNull();
  });

  it.each(["empty.jsonl", "empty.json", "empty.csv", "empty.mbox"])(
    "treats an empty file (%s) as zero rows",
    async (name) => {
      const file = await dir.file(name, "");
      const { code, out, err } = await analyze(file);
      expect(code).toBe(EXIT_OK);
      expect(out).toBe("");
      expect(err).toContain("0 rows ok, 0 failed");
    },
  );

  it("writes only the CSV header for a file with a header and no rows", async () => {
    const file = await dir.file("header-only.csv", "id,customer,reply\n");
    const { code, out } = await analyze(file, { format: "csv" });
    expect(code).toBe(EXIT_OK);
    expect(out.trim().split("\n")).toHaveLength(1);
  });
});

describe("keel analyze, CSV input", () => {
  const csv = [
    "id,customer,reply",
    `c1,"${ANGRY}","${REPLY}"`,
    `c2,"Only the customer wrote, with a comma",`,
    "c3,too,many,fields",
    `c4,,"Only a reply here."`,
    ",,",
  ].join("\n");

  it("analyses rows, reports rows with the wrong field count by line, exits 1", async () => {
    const file = await dir.file("in.csv", csv);
    const { code, out, err } = await analyze(file);
    expect(code).toBe(EXIT_BAD_ROWS);
    expect(err).toMatch(/line 4: has 4 fields, the header has 3/);
    expect(err).toMatch(/line 6: neither/);
    expect(err).toContain("3 rows ok, 2 failed");
    const rows = rowsOf(out);
    expect(rows.map((r) => r.id)).toEqual(["c1", "c2", "c4"]);
    expect(rows[1]?.reply).toBeNull();
    expect(rows[2]?.customer).toBeNull();
  });

  it("keeps a stray quote inside an unquoted field as text", async () => {
    const file = await dir.file("in.csv", 'id,customer\nq1,My 5" screen arrived cracked\n');
    const { code, out } = await analyze(file);
    expect(code).toBe(EXIT_OK);
    expect(rowsOf(out).map((r) => r.id)).toEqual(["q1"]);
  });

  it("is a usage error when neither text column exists", async () => {
    const file = await dir.file("in.csv", "a,b\n1,2\n");
    const { code, err } = await analyze(file);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toMatch(/no "customer" or "reply" column \(columns: a, b\)/);
  });

  it("writes CSV with one flat column per field", async () => {
    const file = await dir.file("in.csv", csv);
    const { out } = await analyze(file, { format: "csv" });
    const [header, first, second] = out.trim().split("\n");
    const columns = header?.split(",") ?? [];
    expect(columns.slice(0, 3)).toEqual(["id", "customer.anger", "customer.anger_level"]);
    for (const label of REPLY_LABELS) expect(columns).toContain(`reply.labels.${label}`);
    expect(first?.startsWith("c1,")).toBe(true);
    const replyScoreAt = columns.indexOf("reply.score");
    expect(second?.split(",")[replyScoreAt]).toBe(""); // c2 has no reply
  });

  it("writes a readable table with a summary", async () => {
    const file = await dir.file("in.csv", csv);
    const { out } = await analyze(file, { format: "table" });
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^id\s+anger\s+abuse\s+threats\s+score\s+problems\s+missing$/);
    expect(lines.filter((l) => /^c\d\s/.test(l))).toHaveLength(3);
    expect(out).toContain("Summary");
    expect(out).toMatch(/rows analysed\s+3 \(2 skipped as bad rows\)/);
    expect(out).toMatch(/replies\s+2, average score/);
  });
});

describe("keel analyze, JSON array input", () => {
  it("streams the elements and reports bad elements by position", async () => {
    const file = await dir.file(
      "in.json",
      JSON.stringify(
        [{ id: "j1", customer: ANGRY }, "not an object", { reply: ["x"] }, { customer: "ok" }],
        null,
        2,
      ),
    );
    const { code, out, err } = await analyze(file);
    expect(code).toBe(EXIT_BAD_ROWS);
    expect(err).toMatch(/element 2: expected an object, got string/);
    expect(err).toMatch(/element 3: "reply" must be a string, got array/);
    expect(rowsOf(out).map((r) => r.id)).toEqual(["j1", 4]);
  });

  it("stops with exit 1 on a broken array, keeping the rows before it", async () => {
    const file = await dir.file("in.json", `[{"customer":"one"},{"customer":"two"},{"customer":`);
    const { code, out, err } = await analyze(file);
    expect(code).toBe(EXIT_BAD_ROWS);
    expect(err).toMatch(/not a valid JSON array after element 2/);
    expect(rowsOf(out)).toHaveLength(2);
  });
});

describe("keel analyze, mbox input", () => {
  const mbox = [
    "From alice@example.com Mon Nov 23 10:00:00 2026",
    "From: Alice <alice@example.com>",
    "To: support@example.com",
    "Subject: Still no refund for order #A-1234",
    "Message-ID: <m1@example.com>",
    "",
    "This is the third time I write. Where is my money?",
    "",
    "On Fri, Nov 20, 2026 at 9:00 AM Support <support@example.com> wrote:",
    "> Your refund will arrive in 5-7 business days.",
    "> Kind regards",
    "",
    "From bob@example.com Mon Nov 23 11:00:00 2026",
    "From: Bob <bob@example.com>",
    "Subject: Thanks",
    "Message-ID: <m2@example.com>",
    "",
    "Thanks, all sorted now.",
    ">From here on it is an escaped line.",
    "",
  ].join("\n");

  it("turns each email into a row: body without the quoted reply, subject kept, Message-ID as id", async () => {
    const file = await dir.file("mail.mbox", mbox);
    const { code, out, err } = await analyze(file, { format: "jsonl" });
    expect(err).toContain("2 rows ok, 0 failed");
    expect(code).toBe(EXIT_OK);
    const rows = rowsOf(out);
    expect(rows.map((r) => r.id)).toEqual(["<m1@example.com>", "<m2@example.com>"]);
    expect(rows.every((r) => r.reply === null && r.customer !== null)).toBe(true);
  });

  it("is detected from a first 'From ' line whatever the extension", async () => {
    const file = await dir.file("mail.txt", mbox);
    const { code, out } = await analyze(file);
    expect(code).toBe(EXIT_OK);
    expect(rowsOf(out)).toHaveLength(2);
  });
});

describe("keel analyze, usage errors and output file", () => {
  it("exits 2 with a clear message for a missing file", async () => {
    const { code, err } = await analyze(`${dir.path}/nope.csv`);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toMatch(/cannot read ".*nope\.csv": no such file/);
  });

  it("exits 2 when the input format cannot be told", async () => {
    const file = await dir.file("notes.txt", "hello there\n");
    const { code, err } = await analyze(file);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toMatch(/cannot tell the format/);
  });

  it("rejects unknown formats and bad worker counts before reading anything", () => {
    expect(parseAnalyzeOptions("x.csv", { format: "xml" })).toMatchObject({ ok: false });
    expect(parseAnalyzeOptions("x.csv", { workers: "-1" })).toMatchObject({ ok: false });
    expect(parseAnalyzeOptions("x.csv", { workers: "two" })).toMatchObject({ ok: false });
    expect(parseAnalyzeOptions("x.csv", { inputFormat: "xlsx" })).toMatchObject({ ok: false });
  });

  it("exits 2 when the output file cannot be created", async () => {
    const file = await dir.file("in.jsonl", `${JSON.stringify({ customer: "hi" })}\n`);
    const { code, err } = await analyze(file, { out: `${dir.path}/no/such/dir/out.jsonl` });
    expect(code).toBe(EXIT_USAGE);
    expect(err).toMatch(/cannot write ".*out\.jsonl": ENOENT/);
  });

  it("refuses to overwrite the input with --out", async () => {
    const file = await dir.file("in.jsonl", `${JSON.stringify({ customer: "hi" })}\n`);
    const { code, err } = await analyze(file, { out: file });
    expect(code).toBe(EXIT_USAGE);
    expect(err).toMatch(/must not be the input file/);
    expect(await readFile(file, "utf8")).toContain("hi");
  });

  it("writes to --out instead of stdout", async () => {
    const file = await dir.file("in.jsonl", `${JSON.stringify({ customer: ANGRY })}\n`);
    const outFile = `${dir.path}/out.jsonl`;
    const { code, out } = await analyze(file, { out: outFile });
    expect(code).toBe(EXIT_OK);
    expect(out).toBe("");
    expect(rowsOf(await readFile(outFile, "utf8"))).toHaveLength(1);
  });

  it("keeps order across many small batches", async () => {
    const lines = Array.from({ length: 25 }, (_, i) =>
      JSON.stringify({ id: `r${i}`, customer: `Message ${i}` }),
    );
    const file = await dir.file("in.jsonl", lines.join("\n"));
    const { out } = await analyze(file, { batchSize: "4" });
    expect(rowsOf(out).map((r) => r.id)).toEqual(lines.map((_, i) => `r${i}`));
  });
});
