/**
 * @module Playwright for Keel: Debian's Chromium (no browser download), one worker against one real server started
 * by global-setup.ts, a laptop-sized viewport. Each launch gets a fresh temporary profile from Playwright.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // The specs share one server and its data: they run in file order, one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "../../test-results/e2e",
  use: {
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "off",
    locale: "en-GB",
    timezoneId: "UTC",
  },
});
