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

test("a supervisor reads a handoff brief in the queue and takes the escalation", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.goto("/dashboard");
  const queue = page.getByRole("region", { name: "Escalation queue" });
  const take = queue.getByRole("button", { name: /^Take #\d+$/ }).first();
  const number = (await take.textContent())?.replace("Take #", "") ?? "";
  // Found by its case number, so it stays the same item once taken.
  const item = queue.getByRole("listitem").filter({ hasText: `Handoff brief for #${number}` });
  await item.getByText(`Handoff brief for #${number}`).click();
  // The brief's Markdown is drawn as elements: its title is a heading inside the queue.
  await expect(item.getByRole("heading", { name: new RegExp(`^Handoff: case #${number}`) })).toBeVisible();
  await item.getByRole("button", { name: `Take #${number}` }).click();
  // Taken escalations sort after the open ones, past the first few shown.
  const showAll = queue.getByRole("button", { name: /^Show all \d+ escalations$/ });
  if ((await showAll.count()) > 0) await showAll.click();
  await expect(item).toContainText("taken");
  await expect(item.getByRole("button", { name: `Take #${number}` })).toHaveCount(0);
  await expect(item.getByRole("button", { name: `Resolve #${number}` })).toBeVisible();
});
