/** @module ASCII character tests on UTF-16 code units, and the scan over runs of digits that cheap pre-checks share. */

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** `\w` in a regular expression without the u flag: ASCII letters, digits and "_". */
export function isWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 0x5f;
}

/** Whether `test` holds for some maximal run of ASCII digits, text[start, end). */
export function someDigitRun(text: string, test: (start: number, end: number) => boolean): boolean {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (test(start, i)) return true;
  }
  return false;
}
