/**
 * @module The fixtures every spec uses: the running Keel's URL as baseURL, a check that no page logged a console
 * error or threw, sign-in as a demo account, and screenshots of the main screens.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { KEEL_URL_ENV } from "./global-setup.js";
import { REPO_ROOT } from "./keel-server.js";

export const DEMO = {
  admin: { email: "admin@keel.demo", password: "keel-demo-admin" },
  supervisor: { email: "supervisor@keel.demo", password: "keel-demo-supervisor" },
  agent: { email: "priya@keel.demo", password: "keel-demo-agent" },
} as const;

/**
 * Chromium logs every 4xx/5xx response as a console error ("Failed to load resource"). The app asks who is signed
 * in on start (401 before signing in); any other failed request counts unless the test declares it with
 * `expectHttpError`, e.g. the 400 for a value it enters wrong on purpose.
 */
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d+)/;
const ALWAYS_EXPECTED: ReadonlyArray<ExpectedHttpError> = [{ status: 401, url: /\/api\/v1\/auth\/me$/ }];

/** `npm run screenshots` writes to docs/screenshots; other runs keep theirs out of the tree. */
const SCREENSHOT_DIR = process.env.KEEL_SCREENSHOTS
  ? join(REPO_ROOT, "docs/screenshots")
  : join(REPO_ROOT, "test-results/screens");

interface ExpectedHttpError {
  status: number;
  url: RegExp;
}

/** Collects the console errors and uncaught exceptions of a page (a test's extra pages use it too). */
export function watchConsole(page: Page, expected: readonly ExpectedHttpError[] = ALWAYS_EXPECTED): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url;
    const status = Number(FAILED_LOAD.exec(message.text())?.[1] ?? Number.NaN);
    if (expected.some((e) => e.status === status && e.url.test(url))) return;
    errors.push(`${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

export const test = base.extend<{
  expectedHttpErrors: ExpectedHttpError[];
  expectHttpError: (status: number, url: RegExp) => void;
  consoleErrors: string[];
}>({
  // Playwright reads a fixture's dependencies from its destructuring pattern, so this one must stay empty.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  baseURL: async ({}, use) => {
    const url = process.env[KEEL_URL_ENV];
    if (!url) throw new Error(`${KEEL_URL_ENV} is not set: run through playwright.config.ts (global setup).`);
    await use(url);
  },
  // biome-ignore lint/correctness/noEmptyPattern: see baseURL
  expectedHttpErrors: async ({}, use) => {
    await use([...ALWAYS_EXPECTED]);
  },
  expectHttpError: async ({ expectedHttpErrors }, use) => {
    await use((status, url) => {
      expectedHttpErrors.push({ status, url });
    });
  },
  consoleErrors: [
    async ({ page, expectedHttpErrors }, use) => {
      const errors = watchConsole(page, expectedHttpErrors);
      await use(errors);
      expect(errors, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, who: keyof typeof DEMO): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Email").fill(DEMO[who].email);
  await page.getByLabel("Password").fill(DEMO[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  // Requests still in flight when the session ends would answer 401; let the screen finish loading first.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Keel" })).toBeVisible();
}

/** Saves a full-page screenshot of the current screen as `<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: "disabled",
  });
}
