import { expect, screenshot, signIn, test } from "./fixtures.js";

test("the supervisor dashboard draws every chart and the escalation queue", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Supervisor dashboard" })).toBeVisible();
  for (const title of [
    "Customer anger over time",
    "CSAT and fix-held rate",
    "De-escalation",
    "SLA breaches per day",
    "Agent load and abuse exposure",
  ]) {
    const chart = page.getByRole("figure", { name: title });
    await expect(chart).toBeVisible();
    // Drawn, with axis titles and a legend.
    await expect(chart.locator(".recharts-surface").first()).toBeVisible();
    await expect(chart.locator(".recharts-legend-wrapper")).toBeVisible();
  }
  await expect(
    page.getByRole("figure", { name: "Customer anger over time" }).getByText("Anger (0–100)"),
  ).toBeVisible();
  const figures = page.getByRole("definition");
  await expect(figures.first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Escalation queue" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Agents" })).toBeVisible();
  await screenshot(page, "dashboard");
});
