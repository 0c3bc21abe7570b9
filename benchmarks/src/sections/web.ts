/**
 * @module Section 6: the web app in Debian's Chromium — coach latency per keystroke while a 1,000-character reply is
 * typed into the composer character by character (input → coaching rendered), and the gzip size of the JS and CSS
 * the login page loads. Starts its own Keel (temporary data directory, demo seed) like the end-to-end tests.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../tests/e2e/chromium.js";
import { startKeel } from "../../../tests/e2e/keel-server.js";
import { installTypingProbe, type TypingSamples } from "../browser-typing.js";
import type { BenchContext, Section } from "../context.js";
import { longDrafts } from "../drafts.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatMs, summarize } from "../stats.js";

const P99_TARGET_MS = 16;
/** The login page's JS and CSS, gzipped: a budget so the first screen stays quick on a slow connection. */
const BUNDLE_BUDGET_BYTES = 200 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measureBundle(page: Page): Promise<{ files: Array<[string, number, number]>; gzip: number }> {
  const bodies: Array<Promise<[string, number, number]>> = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    bodies.push(
      response.body().then((body) => [new URL(response.url()).pathname, body.length, gzipSync(body).length]),
    );
  });
  await page.goto("/");
  await page.getByRole("heading", { name: "Sign in to Keel" }).waitFor();
  await page.waitForLoadState("networkidle");
  const files = await Promise.all(bodies);
  return { files, gzip: files.reduce((n, [, , g]) => n + g, 0) };
}

async function typeDraft(page: Page, draft: string): Promise<TypingSamples> {
  await page.getByLabel("Email").fill("priya@keel.demo");
  await page.getByLabel("Password").fill("keel-demo-agent");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Anger").selectOption("angry");
  await page
    .getByRole("row", { name: /^Case \d+:/ })
    .first()
    .click();
  const box = page.getByLabel("Your reply");
  await box.waitFor();
  // The coach's learned weights arrive after first paint; typing starts once they have.
  await page.waitForLoadState("networkidle");
  await page.evaluate(installTypingProbe);
  await box.focus();
  for (let i = 0; i < draft.length; i++) {
    // The previous key's wait ends in a frame callback: without a pause every key would land just after a frame, at
    // the worst point of the display's cycle. A person's keys land anywhere in it; spread them over 0–16 ms.
    await new Promise((resume) => setTimeout(resume, (i * 7) % 17));
    await page.keyboard.type(draft[i] ?? " ");
    await page.waitForFunction((n) => (window.keelBench?.inputToRender.length ?? 0) >= n, i + 1, {
      polling: "raf",
    });
  }
  return page.evaluate(
    () => window.keelBench ?? { inputToRender: [], echo: [], framesLate: [], inputHandling: [], coach: [] },
  );
}

export const webSection: Section = {
  id: "web",
  title: "6. Web app in Chromium: coach latency per keystroke, initial bundle size",
  async run({ quick, corpus }: BenchContext): Promise<TargetResult[]> {
    const skip = (why: string): TargetResult[] => {
      console.log(`skipped: ${why}`);
      return [
        { section: "web", target: `keystroke p99 < ${P99_TARGET_MS} ms`, measured: why, verdict: "SKIPPED" },
        {
          section: "web",
          target: `login JS+CSS ≤ ${kb(BUNDLE_BUDGET_BYTES)} gzip`,
          measured: why,
          verdict: "SKIPPED",
        },
      ];
    };
    if (!existsSync(CHROMIUM)) return skip(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    const [draftPair] = longDrafts(corpus, 1);
    if (!draftPair) return skip("no agent replies in the data directory");
    const draft = quick ? draftPair.reply.slice(0, 400) : draftPair.reply;

    const keel = await startKeel();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ baseURL: keel.url, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => console.log(`page error: ${error.message}`));
      const bundle = await measureBundle(page);
      printTable(
        ["file the login page loads", "bytes", "gzip"],
        [...bundle.files.map(([file, raw, gz]) => [file, kb(raw), kb(gz)]), ["total", "", kb(bundle.gzip)]],
      );
      const samples = await typeDraft(page, draft).catch(async (error: unknown) => {
        const shot = join(tmpdir(), "keel-bench-web-failure.png");
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.log(`the page at failure: ${shot} (${page.url()})`);
        throw error;
      });
      const render = summarize(samples.inputToRender);
      const coach = summarize(samples.coach);
      const echo = summarize(samples.echo);
      const handling = summarize(samples.inputHandling);
      const sameFrame = samples.framesLate.filter((n) => n === 0).length;
      console.log(
        `\n${samples.inputToRender.length} keystrokes typed one by one into the composer (draft of ${draft.length} characters)`,
      );
      const row = (label: string, x: ReturnType<typeof summarize>) => [
        label,
        formatMs(x.p50),
        formatMs(x.p90),
        formatMs(x.p99),
        formatMs(x.max),
      ];
      printTable(
        ["per keystroke", "p50", "p90", "p99", "max"],
        [
          row("input → coaching painted", render),
          row("  input → next frame painted", echo),
          row("  input event (React + coach)", handling),
          row("  coachReply run", coach),
        ],
      );
      console.log(
        `coaching painted in the keystroke's own frame: ${sameFrame} of ${samples.framesLate.length} keystrokes; ` +
          `frames run at the display's pace (~16.7 ms apart), so "input → painted" includes the wait for the next one`,
      );
      return [
        {
          section: "web",
          target: `keystroke p99 < ${P99_TARGET_MS} ms, painted in its own frame`,
          measured:
            `work per key (React + coach) p99 ${formatMs(handling.p99)}; coaching in the keystroke's frame ` +
            `${sameFrame}/${samples.framesLate.length}; input → painted p99 ${formatMs(render.p99)} ` +
            `(bare input → next frame p99 ${formatMs(echo.p99)})`,
          // Keys land anywhere in the display's ~16.7 ms cycle, so "input → painted" includes up to a frame of
          // waiting even on an empty page (the "next frame" row shows it): the coach meets the target when its
          // work per key fits the budget and adds no frame, i.e. the coaching is painted in the keystroke's frame.
          verdict: verdictOf(handling.p99 < P99_TARGET_MS && sameFrame >= 0.99 * samples.framesLate.length),
        },
        {
          section: "web",
          target: `login JS+CSS ≤ ${kb(BUNDLE_BUDGET_BYTES)} gzip`,
          measured: `${kb(bundle.gzip)} gzip in ${bundle.files.length} files`,
          verdict: verdictOf(bundle.gzip <= BUNDLE_BUDGET_BYTES),
        },
      ];
    } finally {
      await browser.close();
      await keel.stop();
    }
  },
};
