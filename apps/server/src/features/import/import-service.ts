/**
 * @module Imports conversations into cases: items grouped by case key, each added through the message services
 * (so they are analysed and de-duplicated), with a running report of rows done and rows failed with their line.
 */
import { findMessagesByExternalId, resolveCustomerByContact } from "@keel/db";
import { type CoreDeps, createCase } from "../cases/service.js";
import { addInboundMessage, addNote, addOutboundMessage } from "../messages/service.js";
import { type CsvMapping, parseCsvImport } from "./csv-import.js";
import type { ImportItem, ParsedImport, RowProblem } from "./import-item.js";
import { parseZendeskImport } from "./zendesk-import.js";

export interface ImportReport {
  rowsTotal: number;
  rowsDone: number;
  /** Rows already imported earlier (same stable id): nothing added. */
  rowsUnchanged: number;
  rowsFailed: number;
  casesCreated: number;
  failures: RowProblem[];
}

export type ImportSource =
  | { format: "csv"; content: string; mapping?: CsvMapping }
  | { format: "zendesk"; content: string };

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: string };

export async function runImport(
  deps: CoreDeps,
  source: ImportSource,
  onProgress?: (report: Readonly<ImportReport>) => void,
): Promise<ImportOutcome> {
  const parsed: ParsedImport | { error: string } =
    source.format === "csv"
      ? parseCsvImport(source.content, source.mapping)
      : parseZendeskImport(source.content);
  if ("error" in parsed) return { ok: false, error: parsed.error };
  return { ok: true, report: await importItems(deps, parsed, onProgress) };
}

export async function importItems(
  deps: CoreDeps,
  parsed: ParsedImport,
  onProgress?: (report: Readonly<ImportReport>) => void,
): Promise<ImportReport> {
  const report: ImportReport = {
    rowsTotal: parsed.items.length + parsed.skipped.length,
    rowsDone: 0,
    rowsUnchanged: 0,
    rowsFailed: parsed.skipped.length,
    casesCreated: 0,
    failures: [...parsed.skipped],
  };
  const caseIds = new Map<string, string>();
  const latestAt = new Map<string, Date>();
  for (const read of parsed.items) {
    // An undated item follows the one before it in its conversation (by a millisecond), not the time of the import:
    // the thread keeps the file's order, and an old conversation is not made to look new.
    const before = latestAt.get(read.caseKey);
    const at = read.at ?? (before === undefined ? undefined : new Date(before.getTime() + 1));
    if (at !== undefined) latestAt.set(read.caseKey, at);
    const item = at === read.at ? read : { ...read, at };
    const outcome = await importItem(deps, item, caseIds);
    if (outcome.ok) {
      if (outcome.created) report.rowsDone++;
      else report.rowsUnchanged++;
      if (outcome.caseCreated) report.casesCreated++;
    } else {
      report.rowsFailed++;
      report.failures.push({ where: item.where, reason: outcome.reason });
    }
    onProgress?.(report);
  }
  return report;
}

type ItemOutcome = { ok: true; created: boolean; caseCreated: boolean } | { ok: false; reason: string };

async function importItem(
  deps: CoreDeps,
  item: ImportItem,
  caseIds: Map<string, string>,
): Promise<ItemOutcome> {
  let caseId = caseIds.get(item.caseKey);
  if (caseId === undefined) {
    // Imported before (a re-run of the same file): continue that case rather than opening another.
    const [seen] = await findMessagesByExternalId(deps.db, item.externalId);
    if (seen) caseId = seen.case_id;
  }
  const contact = { kind: "email" as const, value: item.customer.email, name: item.customer.name };
  if (item.direction === "inbound") {
    const added = await addInboundMessage(deps, {
      ...(caseId === undefined ? { newCase: { subject: item.subject } } : { caseId }),
      contact,
      body: item.body,
      channel: "email",
      externalMessageId: item.externalId,
      ...(item.at === undefined ? {} : { receivedAt: item.at }),
    });
    if (!added.ok) return { ok: false, reason: added.error.message };
    caseIds.set(item.caseKey, added.value.case.id);
    return { ok: true, created: added.value.created, caseCreated: added.value.caseCreated };
  }
  let caseCreated = false;
  if (caseId === undefined) {
    const who = await resolveCustomerByContact(deps.db, contact);
    if (!who.ok) return { ok: false, reason: who.error.message };
    const created = await createCase(deps, { subject: item.subject, customerId: who.value.customer.id });
    if (!created.ok) return { ok: false, reason: created.error.message };
    caseId = created.value.id;
    caseCreated = true;
  }
  caseIds.set(item.caseKey, caseId);
  const added =
    item.direction === "outbound"
      ? await addOutboundMessage(deps, {
          caseId,
          authorAgentId: null,
          body: item.body,
          channel: "email",
          externalMessageId: item.externalId,
          ...(item.at === undefined ? {} : { sentAt: item.at }),
        })
      : await addNote(deps, {
          caseId,
          authorAgentId: null,
          body: item.body,
          externalMessageId: item.externalId,
          ...(item.at === undefined ? {} : { writtenAt: item.at }),
        });
  if (!added.ok) return { ok: false, reason: added.error.message };
  return { ok: true, created: added.value.created, caseCreated };
}
