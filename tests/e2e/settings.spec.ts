import { expect, screenshot, signIn, test } from "./fixtures.js";

test("an admin changes the follow-up delay, is told what to fix in a bad value, and adds a team", async ({
  page,
  expectHttpError,
}) => {
  expectHttpError(400, /\/api\/v1\/settings\/followups$/);
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: "priya@keel.demo" })).toBeVisible();

  const followups = page.getByRole("form", { name: "Followups" });
  await followups.getByLabel("Delay days").fill("0");
  await followups.getByRole("button", { name: "Save followups" }).click();
  await expect(followups.getByRole("alert")).toContainText("at least 1 day");
  await followups.getByLabel("Delay days").fill("2");
  await followups.getByRole("button", { name: "Save followups" }).click();
  await expect(followups.getByRole("status")).toContainText("Saved as version");
  await followups.getByRole("button", { name: "Reset to default" }).click();
  await expect(followups.getByLabel("Delay days")).toHaveValue("3");

  await page.getByLabel("New team").fill("Retention");
  await page.getByRole("button", { name: "Add team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added the Retention team." })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "settings");
});
