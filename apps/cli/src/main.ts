/** @module The `keel` command line: `analyze` for exports, `demo` for a guided look, `coach` for one draft. */
import { COACH_VERSION } from "@keel/coach";
import { Command, CommanderError, Option } from "commander";
import { EXIT_USAGE, runAnalyze } from "./analyze/analyze-command.js";
import { defaultWorkers, parseAnalyzeOptions, type RawAnalyzeFlags } from "./analyze/analyze-options.js";
import { FORMAT_NAMES } from "./analyze/formats/output-format.js";
import { INPUT_FORMATS } from "./analyze/input-format.js";
import { runCoach } from "./demo/coach-command.js";
import { runDemo } from "./demo/demo-command.js";

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
    .version(`keel (coach ${COACH_VERSION})`, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

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
    .option("-w, --workers <n>", `worker threads; 0 analyses in-process (default: ${defaultWorkers()})`)
    .option("--batch-size <n>", "rows per batch sent to a worker", "500")
    .option("--mask-profanity", "replace profanity with asterisks in returned text spans")
    .addHelpText("after", ANALYZE_HELP)
    .action(async (file: string, flags: RawAnalyzeFlags) => {
      const parsed = parseAnalyzeOptions(file, flags);
      if (!parsed.ok) {
        process.stderr.write(`keel analyze: ${parsed.message}\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
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
      process.exitCode = await runDemo(flags.samples ?? null, process.stdout, process.env);
    });

  program
    .command("coach")
    .description("coach one draft reply, optionally against the customer message it answers")
    .argument("<reply>", "the draft reply text")
    .option("-c, --customer <text>", "the customer message the reply answers")
    .action((reply: string, flags: { customer?: string }) => {
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
