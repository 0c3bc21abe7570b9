/** @module Finds line breaks in bytes the way Node's readline does: CRLF, LF, or a lone CR. */

const LF = 10;
const CR = 13;

/** Walks the line breaks of one buffer; remembers the next CR so files without any pay for LF alone. */
export class LineBreaks {
  /** Where the line found by the last `find` ends, and where the line after it starts. */
  lineEnd = 0;
  nextLine = 0;
  private cr: number;

  constructor(
    private readonly buf: Buffer,
    from = 0,
  ) {
    this.cr = buf.indexOf(CR, from);
  }

  /**
   * Finds the break ending the line that starts at `from`; false when there is none yet. `atEnd`: nothing
   * follows the buffer, so a CR as its last byte is a break of its own rather than maybe half a CRLF.
   */
  find(from: number, atEnd: boolean): boolean {
    const buf = this.buf;
    const lf = buf.indexOf(LF, from);
    if (this.cr >= 0 && this.cr < from) this.cr = buf.indexOf(CR, from);
    const cr = this.cr;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr + 1 === buf.length && !atEnd) return false;
      this.lineEnd = cr;
      this.nextLine = buf[cr + 1] === LF ? cr + 2 : cr + 1;
      return true;
    }
    if (lf < 0) return false;
    this.lineEnd = lf;
    this.nextLine = lf + 1;
    return true;
  }
}

/** Whether bytes [from, to) hold anything but whitespace, as String.prototype.trim sees it. */
export function hasText(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i] as number;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    if (b < 0x80) return true;
    // Unicode has more spaces (no-break space, U+3000, the byte-order mark…): let the decoded string decide.
    return buf.toString("utf8", i, to).trim() !== "";
  }
  return false;
}

/** Calls `line(from, to)` for every line of a buffer that holds whole lines (nothing follows it). */
export function forEachLine(buf: Buffer, line: (from: number, to: number) => void): void {
  const breaks = new LineBreaks(buf);
  let from = 0;
  while (from < buf.length) {
    if (breaks.find(from, true)) {
      line(from, breaks.lineEnd);
      from = breaks.nextLine;
    } else {
      line(from, buf.length);
      from = buf.length;
    }
  }
}
