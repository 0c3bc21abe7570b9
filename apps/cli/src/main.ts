/** @module The `keel` command line: `analyze` for exports, `demo` for a guided look, `coach` for one draft. */
import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { defaultWorkers, parseAnalyzeOptions, type RawAnalyzeFlags } from "./analyze/analyze-options.js";
import { FORMAT_NAMES, INPUT_FORMATS } from "./analyze/format-names.js";

// Commands load their code (the coach, parsers) only when they run, so help and usage errors answer at once.
const EXIT_USAGE = 2;
const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

const ANALYZE_HELP = `
Input formats (by extension, else by the first bytes):
  .csv            header row; one row per conversation
  .jsonl          one JSON object per line
  .json           one JSON array of objects (streamed, any size)
  .mbox           one email per row: text body without quoted replies (subject included) as the
                  customer message, Message-ID as id

Each output row is:
  { id, customer: { anger, anger_level, emotions, abusive, threats, repeat_contact, facts },
        reply: { score, labels: { acknowledges: true, blame: false, … }, fixes } }
  A row may carry only a customer message or only a reply; the other part is then null.
  id is the 1-based row number when the input has none.

Bad rows (invalid JSON, wrong number of CSV fields, neither text given, non-text values) are
reported on stderr with their line and skipped.

Exit codes:
  0  every row was analysed
  1  some rows were bad (a summary of rows ok / failed is printed)
  2  usage error: missing file, unknown format, bad option

Examples:
  keel analyze tickets.csv --format table
  keel analyze export.json --customer-column body --reply-column answer --out results.jsonl
  keel analyze support.mbox --format csv --out emails.csv --mask-profanity`;

function buildProgram(): Command {
  const program = new Command("keel")
    .description("Keel reads angry customers and coaches the replies to them.")
    .version(`keel ${version}`, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  keel demo                                   coach the bundled sample conversations
  keel analyze tickets.csv --format table     analyse an export (see: keel analyze --help)
  keel coach "Sorry for any inconvenience." --customer "My order never arrived!"`,
    );

  program
    .command("analyze")
    .description("analyse every conversation in an export (CSV, JSONL, JSON array or mbox)")
    .argument("<file>", "the export to analyse")
    .addOption(
      new Option("-f, --format <format>", "output format; table is a readable summary for people")
        .choices(FORMAT_NAMES)
        .default("jsonl"),
    )
    .addOption(new Option("--input-format <format>", "read the file as this format").choices(INPUT_FORMATS))
    .option("-o, --out <file>", "write results to this file instead of stdout")
    .option("--customer-column <name>", "field holding the customer message", "customer")
    .option("--reply-column <name>", "field holding the agent reply", "reply")
    .option("--id-column <name>", "field holding the row id", "id")
    .option(
      "-w, --workers <n>",
      `worker threads; 0 analyses in-process (default: one per core = ${defaultWorkers()}; with fewer, the main thread also analyses while the workers are busy)`,
    )
    .option("--batch-size <n>", "rows (JSONL: lines) per batch sent to a worker", "500")
    .option("--mask-profanity", "replace profanity with asterisks in returned text spans")
    .addHelpText("after", ANALYZE_HELP)
    .action(async (file: string, flags: RawAnalyzeFlags) => {
      const parsed = parseAnalyzeOptions(file, flags);
      if (!parsed.ok) {
        process.stderr.write(`keel analyze: ${parsed.message}\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const { runAnalyze } = await import("./analyze/analyze-command.js");
      process.exitCode = await runAnalyze(parsed.options, {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
      });
    });

  program
    .command("demo")
    .description("coach a set of sample conversations and print a readable report (what `npm start` runs)")
    .option(
      "--samples <file>",
      "a JSONL file of {id, domain, customer, reply} to use instead of the bundled samples",
    )
    .action(async (flags: { samples?: string }) => {
      const { runDemo } = await import("./demo/demo-command.js");
      process.exitCode = await runDemo(flags.samples ?? null, process.stdout, process.env);
    });

  program
    .command("coach")
    .description("coach one draft reply, optionally against the customer message it answers")
    .argument("<reply>", "the draft reply text")
    .option("-c, --customer <text>", "the customer message the reply answers")
    .action(async (reply: string, flags: { customer?: string }) => {
      const { runCoach } = await import("./demo/coach-command.js");
      process.exitCode = runCoach(reply, flags.customer ?? null, process.stdout, process.env);
    });

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; anything else commander rejects is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`keel: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
