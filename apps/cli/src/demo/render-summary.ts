/** @module The closing summary of the demo: where the anger is, which replies work, what to coach first. */
import { ANGER_LEVEL_NAMES, PROBLEM_LABELS, type ReplyLabel, THREAT_KINDS } from "@keel/coach";
import type { Palette } from "./colors.js";
import type { CoachedConversation } from "./demo-command.js";
import { EXPECTED_PRACTICES, LABEL_NAMES } from "./label-names.js";
import { wrapText } from "./text-layout.js";

function counted(labels: readonly ReplyLabel[], coached: readonly CoachedConversation[]): string {
  const counts = labels
    .map((l) => ({
      l,
      n: coached.filter((c) => c.reply.labels[l].value === !EXPECTED_PRACTICES.includes(l)).length,
    }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n);
  return counts.length ? counts.map((x) => `${LABEL_NAMES[x.l]} (${x.n})`).join(" · ") : "none";
}

export function renderSummary(coached: readonly CoachedConversation[], p: Palette, width: number): string {
  const n = coached.length;
  if (n === 0) return "";
  const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const levels = ANGER_LEVEL_NAMES.map((name, level) => {
    const count = coached.filter((c) => c.customer.anger_level === level).length;
    return count ? `${name} ${count}` : "";
  }).filter(Boolean);
  const threats = THREAT_KINDS.map((k) => ({
    k,
    n: coached.filter((c) => c.customer.threats.some((t) => t.kind === k)).length,
  })).filter((x) => x.n > 0);
  const byScore = [...coached].sort((a, b) => b.reply.score - a.reply.score);
  const best = byScore[0];
  const worst = byScore[byScore.length - 1];
  const lines = [
    p.bold(`━━ Summary ${"━".repeat(Math.max(2, width - 11))}`),
    "",
    `  customers      average anger ${avg(coached.map((c) => c.customer.anger))}/100 (${levels.join(" · ")})`,
    `                 abusive ${coached.filter((c) => c.customer.abusive).length} · repeat contact ${coached.filter((c) => c.customer.repeat_contact).length} · threats ${threats.length ? threats.map((x) => `${x.k.replace(/_/g, " ")} ${x.n}`).join(", ") : "none"}`,
    `  replies        average score ${avg(coached.map((c) => c.reply.score))}/100`,
  ];
  if (best && worst) {
    lines.push(
      `                 best ${p.green(`${best.sample.id} ${best.reply.score}`)} · weakest ${p.red(`${worst.sample.id} ${worst.reply.score}`)}`,
    );
  }
  const indent = " ".repeat(17);
  lines.push(
    wrapText(counted(PROBLEM_LABELS, coached), width, indent, `  ${"problems".padEnd(15)}`),
    wrapText(counted(EXPECTED_PRACTICES, coached), width, indent, `  ${"missing most".padEnd(15)}`),
  );
  const escalate = coached.filter((c) => c.reply.labels.escalation_needed.value).map((c) => c.sample.id);
  if (escalate.length) lines.push(`  escalate       ${p.red(escalate.join(", "))}`);
  return lines.join("\n");
}
