/** @module Reads an mbox file: each email is one row (its text body as the customer message, Message-ID as id). */
import { createInterface } from "node:readline";
import { simpleParser } from "mailparser";
import type { ReaderItem } from "../source-row.js";
import { stripQuoted } from "./mail-body.js";

/** mboxrd escapes body lines starting with "From " as ">From "; undo one level. */
const ESCAPED_FROM = /^>(>*From )/;

async function toItem(lines: string[], startLine: number, position: number): Promise<ReaderItem> {
  const where = `line ${startLine}`;
  try {
    const mail = await simpleParser(lines.join("\n"), {
      skipHtmlToText: false,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    const body = stripQuoted(mail.text ?? "");
    const subject = mail.subject?.trim() ?? "";
    if (body === "" && subject === "") return { ok: false, bad: { where, reason: "email has no text body" } };
    // The subject is often the angriest sentence of the email, so it is analysed with the body.
    const customer = subject && body ? `${subject}\n\n${body}` : subject || body;
    return { ok: true, row: { where, id: mail.messageId ?? position, customer, reply: null } };
  } catch (error) {
    return { ok: false, bad: { where, reason: `unreadable email (${(error as Error).message})` } };
  }
}

export async function* readMbox(input: NodeJS.ReadableStream): AsyncIterable<ReaderItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let current: string[] | null = null;
  let startLine = 0;
  let lineNumber = 0;
  let position = 0;
  let previousBlank = true;
  for await (const line of lines) {
    lineNumber++;
    if (line.startsWith("From ") && previousBlank) {
      if (current) yield await toItem(current, startLine, ++position);
      current = [];
      startLine = lineNumber;
    } else if (current) {
      current.push(line.replace(ESCAPED_FROM, "$1"));
    } else if (line.trim() !== "") {
      yield { fatal: `line ${lineNumber}: an mbox file must start with a "From " line`, exitCode: 1 };
      return;
    }
    previousBlank = line.trim() === "";
  }
  if (current) yield await toItem(current, startLine, ++position);
}
