import { apiAs } from "./api.js";
import { expect, screenshot, test } from "./fixtures.js";

test("a customer opens their case from the link, reads the timeline and replies", async ({
  page,
  baseURL,
}) => {
  const agent = await apiAs(baseURL ?? "", "agent");
  const { cases } = await agent.get<{ cases: Array<{ id: string; number: number; subject: string }> }>(
    "/cases?status=open&limit=1",
  );
  const kase = cases[0];
  if (!kase) throw new Error("the demo has no open case");
  const link = await agent.post<{ token: string }>(`/cases/${kase.id}/portal-link`, { days: 7 });
  await agent.dispose();

  await page.goto(`/portal/${link.token}`);
  await expect(page.getByRole("heading", { name: `Case #${kase.number}: ${kase.subject}` })).toBeVisible();
  await expect(page.getByText("Next update:")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").first()).toBeVisible();
  await screenshot(page, "portal");

  const text = "Thanks for looking into this. The parcel number is on the receipt I attached earlier.";
  await page.getByLabel("Your message").fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Sent. We have your message.")).toBeVisible();
  await expect(timeline.getByText(text)).toBeVisible();
});

test("a forged portal link says so plainly", async ({ page, expectHttpError }) => {
  expectHttpError(401, /\/api\/v1\/portal\//);
  await page.goto("/portal/not-a-real-token-at-all");
  await expect(page.getByRole("alert")).toContainText("invalid or has expired");
});
