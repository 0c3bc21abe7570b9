/** @module Terminal colours, on only when writing to a terminal and NO_COLOR is unset. */

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURED: Palette = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
};

const same = (text: string): string => text;
const PLAIN: Palette = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  return stream.isTTY === true && !env.NO_COLOR;
}

export function palette(colour: boolean): Palette {
  return colour ? COLOURED : PLAIN;
}
