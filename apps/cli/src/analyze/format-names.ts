/** @module The names of the input and output formats, kept apart from their code so option parsing loads nothing heavy. */

export const FORMAT_NAMES = ["jsonl", "csv", "table"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const INPUT_FORMATS = ["csv", "jsonl", "json", "mbox"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export function isInputFormat(name: string): name is InputFormat {
  return (INPUT_FORMATS as readonly string[]).includes(name);
}
