/** @module Plain-text layout helpers for the readable reports: bars, wrapping, quoting. */

/** A bar of `width` cells filled in proportion to value/max, with eighth-cell precision. */
export function bar(value: number, max: number, width: number): string {
  const eighths = Math.round((Math.max(0, Math.min(value, max)) / max) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = eighths % 8;
  const partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
  const filled = "█".repeat(full) + (partials[partial] ?? "");
  return filled + "░".repeat(Math.max(0, width - full - (partial ? 1 : 0)));
}

/**
 * Wraps text at word boundaries to `width` columns, prefixing every line with `indent`
 * (the very first line with `firstIndent`, for numbered items).
 */
export function wrapText(text: string, width: number, indent: string, firstIndent = indent): string {
  const lines: string[] = [];
  const prefix = () => (lines.length === 0 ? firstIndent : indent);
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && prefix().length + line.length + 1 + word.length > width) {
        lines.push(prefix() + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(prefix() + line);
  }
  return lines.join("\n");
}

/** Quotes a span of text, shortened to `max` characters. */
export function quote(text: string, max = 70): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `“${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}”`;
}
