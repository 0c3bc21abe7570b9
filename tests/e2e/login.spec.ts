import { DEMO, expect, screenshot, signOut, test } from "./fixtures.js";

test("a fresh install shows the demo logins, and one click signs in with them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in to Keel" })).toBeVisible();
  const demo = page.getByRole("region", { name: "Demo accounts" });
  await expect(demo.getByText(DEMO.supervisor.email)).toBeVisible();
  await screenshot(page, "login");
  await demo.getByRole("button", { name: "Use supervisor" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.supervisor.email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await signOut(page);
});

test("a wrong password is refused with a message", async ({ page, expectHttpError }) => {
  expectHttpError(401, /\/api\/v1\/auth\/login$/);
  await page.goto("/");
  await page.getByLabel("Email").fill(DEMO.agent.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
});
