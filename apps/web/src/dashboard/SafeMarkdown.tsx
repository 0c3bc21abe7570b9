/**
 * @module Renders the small Markdown the server writes (escalation briefs) as React elements: headings, lists,
 * paragraphs, **bold**, _emphasis_ and backslash escapes. Never HTML, so text from customers cannot inject markup.
 */
import type { ReactNode } from "react";

type Block =
  | { kind: "heading"; depth: number; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "paragraph"; lines: string[] };

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of markdown.split("\n")) {
    const line = raw.trimEnd();
    const last = blocks.at(-1);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (line === "") blocks.push({ kind: "paragraph", lines: [] });
    else if (heading)
      blocks.push({ kind: "heading", depth: heading[1]?.length ?? 1, text: heading[2] ?? "" });
    else if (item) {
      if (last?.kind === "list") last.items.push(item[1] ?? "");
      else blocks.push({ kind: "list", items: [item[1] ?? ""] });
    } else if (last?.kind === "paragraph") last.lines.push(line);
    else blocks.push({ kind: "paragraph", lines: [line] });
  }
  return blocks.filter((b) => b.kind !== "paragraph" || b.lines.length > 0);
}

/** Inline markup: `\x` escapes, `**bold**`, `_emphasis_`; everything else stays text. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = "";
  let key = 0;
  const flush = () => {
    if (plain) out.push(plain);
    plain = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      plain += text[++i];
      continue;
    }
    if (c === "*" && text[i + 1] === "*") {
      const close = text.indexOf("**", i + 2);
      if (close > i + 2) {
        flush();
        out.push(<strong key={key++}>{renderInline(text.slice(i + 2, close))}</strong>);
        i = close + 1;
        continue;
      }
    }
    if (c === "_") {
      const close = text.indexOf("_", i + 1);
      if (close > i + 1) {
        flush();
        out.push(<em key={key++}>{renderInline(text.slice(i + 1, close))}</em>);
        i = close;
        continue;
      }
    }
    plain += c;
  }
  flush();
  return out;
}

/** `headingOffset` moves headings down so a brief inside a section keeps the page's outline. */
export function SafeMarkdown({ markdown, headingOffset = 1 }: { markdown: string; headingOffset?: number }) {
  return (
    <div className="markdown">
      {parseBlocks(markdown).map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === "heading") {
          const level = Math.min(6, block.depth + headingOffset);
          const Tag = `h${level}` as "h2" | "h3" | "h4" | "h5" | "h6";
          return <Tag key={key}>{renderInline(block.text)}</Tag>;
        }
        if (block.kind === "list") {
          return (
            <ul key={key}>
              {block.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional text without ids
                <li key={i}>{renderInline(item)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key}>
            {block.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional text without ids
              <span key={i}>
                {i > 0 ? <br /> : null}
                {renderInline(line)}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
