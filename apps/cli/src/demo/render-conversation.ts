/** @module Renders one customer message and one coached reply as a readable report section. */
import {
  ANGER_LEVEL_NAMES,
  type CustomerAnalysis,
  EMOTIONS,
  type LabelResult,
  PROBLEM_LABELS,
  REPLY_LABELS,
  type ReplyCoaching,
} from "@keel/coach";
import type { Palette } from "./colors.js";
import { EXPECTED_PRACTICES, LABEL_NAMES } from "./label-names.js";
import { bar, quote, wrapText } from "./text-layout.js";

/** Emotions weaker than this are noise to a reader. */
export const EMOTION_THRESHOLD = 0.3;
const KEY_WIDTH = 12;

function field(p: Palette, key: string, value: string): string {
  return `  ${p.dim(key.padEnd(KEY_WIDTH))}${value}`;
}

/** Continuation lines line up under the value column. */
const CONTINUE = " ".repeat(2 + KEY_WIDTH);

/** Lines already indented by CONTINUE, with the key put in front of the first one. */
/** A field whose value wraps onto continuation lines; `colour` applies to the text, not the indent. */
function wrappedField(
  p: Palette,
  key: string,
  text: string,
  width: number,
  colour = (t: string) => t,
): string[] {
  return wrapText(text, width, CONTINUE)
    .split("\n")
    .map(
      (l, i) => (i === 0 ? `  ${p.dim(key.padEnd(KEY_WIDTH))}` : CONTINUE) + colour(l.slice(CONTINUE.length)),
    );
}

function listField(p: Palette, key: string, lines: string[]): string[] {
  const [first, ...rest] = lines;
  return first === undefined
    ? []
    : [`  ${p.dim(key.padEnd(KEY_WIDTH))}${first.slice(CONTINUE.length)}`, ...rest];
}

function angerColour(p: Palette, level: number): (text: string) => string {
  return level >= 3 ? p.red : level === 2 ? p.yellow : level === 1 ? p.cyan : p.green;
}

function scoreColour(p: Palette, score: number): (text: string) => string {
  return score >= 70 ? p.green : score >= 45 ? p.yellow : p.red;
}

export function renderCustomer(text: string, a: CustomerAnalysis, p: Palette, width: number): string {
  const lines = [p.bold("Customer"), p.dim(wrapText(text, width, "  │ ")), ""];
  const colour = angerColour(p, a.anger_level);
  const trend = a.anger_trend ? `, ${a.anger_trend}` : "";
  lines.push(
    field(
      p,
      "anger",
      `${colour(bar(a.anger, 100, 20))} ${a.anger}/100 · ${colour(ANGER_LEVEL_NAMES[a.anger_level])}${trend}`,
    ),
  );
  const cues = [...a.signals].sort((x, y) => y.weight - x.weight).slice(0, 4);
  if (cues.length) {
    const why = cues.map((c) => `${c.kind.replace(/_/g, " ")} ${quote(c.span.text, 30)}`).join(" · ");
    lines.push(...wrappedField(p, "why", why, width));
  }
  const emotions = EMOTIONS.filter((e) => a.emotions[e] >= EMOTION_THRESHOLD).sort(
    (x, y) => a.emotions[y] - a.emotions[x],
  );
  lines.push(
    field(
      p,
      "emotions",
      emotions.length ? emotions.map((e) => `${e} ${a.emotions[e].toFixed(2)}`).join(" · ") : "none strong",
    ),
  );
  if (a.threats.length) {
    a.threats.forEach((t, i) => {
      const evidence = t.spans[0] ? ` ${quote(t.spans[0].text, 50)}` : "";
      lines.push(field(p, i === 0 ? "threats" : "", `${p.red(t.kind.replace(/_/g, " "))}${evidence}`));
    });
  } else lines.push(field(p, "threats", "none"));
  lines.push(
    field(
      p,
      "abuse",
      a.abusive
        ? p.red(`yes: ${a.abuse_spans.map((s) => quote(s.text, 30)).join(", ") || "abusive language"}`)
        : "no",
    ),
  );
  if (a.repeat_contact) {
    const evidence = a.repeat_contact_spans[0] ? ` ${quote(a.repeat_contact_spans[0].text, 40)}` : "";
    lines.push(field(p, "repeat", `${p.yellow("has contacted us before")}${evidence}`));
  }
  if (a.facts.length) {
    const facts = a.facts.map((f) => {
      const normalized =
        f.normalized && f.normalized !== f.value.replace(/^#/, "") ? ` (${f.normalized})` : "";
      return `${f.kind.replace(/_/g, " ")} ${f.value}${normalized}`;
    });
    lines.push(...wrappedField(p, "facts", facts.join(" · "), width));
  }
  return lines.join("\n");
}

function renderProblem(r: LabelResult, p: Palette, width: number): string[] {
  const lines = [
    `${CONTINUE}${p.red("✗")} ${p.bold(LABEL_NAMES[r.label])}${r.spans[0] ? ` ${quote(r.spans[0].text)}` : ""}`,
  ];
  if (r.suggestion) lines.push(wrapText(r.suggestion, width, `${CONTINUE}    `));
  for (const rewrite of r.rewrites ?? []) {
    lines.push(`${CONTINUE}    ${p.dim("instead of")} ${quote(rewrite.span.text, 60)}`);
    lines.push(
      p.green(
        wrapText(`try “${rewrite.replacement.trim()}”`, width, `${CONTINUE}        `, `${CONTINUE}    `),
      ),
    );
  }
  return lines;
}

export function renderReply(
  text: string,
  c: ReplyCoaching,
  customer: CustomerAnalysis | null,
  p: Palette,
  width: number,
): string {
  const colour = scoreColour(p, c.score);
  const lines = [
    `${p.bold("Reply")}  ${colour(bar(c.score, 100, 20))} ${p.bold(colour(`${c.score}/100`))}`,
    p.dim(wrapText(text, width, "  │ ")),
    "",
  ];
  const shown = REPLY_LABELS.filter(
    (l) => c.labels[l].value && !PROBLEM_LABELS.includes(l) && l !== "escalation_needed",
  );
  const shownText = shown.length ? shown.map((l) => LABEL_NAMES[l]).join(" · ") : "none of the practices";
  lines.push(...wrappedField(p, "shows", shownText, width, shown.length ? p.green : p.yellow));
  const expected = [...EXPECTED_PRACTICES];
  if (customer?.abusive) expected.push("sets_boundary");
  const missing = expected.filter((l) => !c.labels[l].value);
  if (missing.length) {
    lines.push(...wrappedField(p, "misses", missing.map((l) => LABEL_NAMES[l]).join(" · "), width, p.yellow));
  }
  const problems = PROBLEM_LABELS.filter((l) => c.labels[l].value);
  if (problems.length) {
    lines.push(
      ...listField(
        p,
        "problems",
        problems.flatMap((label) => renderProblem(c.labels[label], p, width)),
      ),
    );
  } else lines.push(field(p, "problems", p.green("none found")));
  if (c.labels.escalation_needed.value)
    lines.push(field(p, "escalate", p.red("this case needs a supervisor")));
  const fixes = c.fixes.flatMap((fix, i) =>
    wrapText(fix, width, `${CONTINUE}   `, `${CONTINUE}${i + 1}. `).split("\n"),
  );
  lines.push(...listField(p, "top fixes", fixes));
  return lines.join("\n");
}
