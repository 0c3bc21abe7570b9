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
 * Console errors a page may log without a bug behind them: Chromium reports every 4xx response as "Failed to load
 * resource", and the app asks who is signed in (401 before signing in) on purpose.
 */
function expectedError(text: string, url: string): boolean {
  return (
    /Failed to load resource: the server responded with a status of 401/.test(text) &&
    /\/auth\/(me|login)$/.test(url)
  );
}

/** `npm run screenshots` writes to docs/screenshots; other runs keep theirs out of the tree. */
const SCREENSHOT_DIR = process.env.KEEL_SCREENSHOTS
  ? join(REPO_ROOT, "docs/screenshots")
  : join(REPO_ROOT, "test-results/screens");

export const test = base.extend<{ consoleErrors: string[] }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern, so this one must stay empty.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  baseURL: async ({}, use) => {
    const url = process.env[KEEL_URL_ENV];
    if (!url) throw new Error(`${KEEL_URL_ENV} is not set: run through playwright.config.ts (global setup).`);
    await use(url);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (expectedError(message.text(), message.location().url)) return;
        errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
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
