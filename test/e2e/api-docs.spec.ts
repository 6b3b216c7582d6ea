// The API docs page (/api/docs) renders in a real browser under the app's strict CSP (the
// fixture fails the test on any CSP violation) with every asset from this server.
import { expect, test } from "./support/fixtures";

test("the API docs page shows the JSON API and TV sign-in's OAuth endpoints", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await page.goto("/api/docs/");
  await expect(page.getByRole("heading", { name: /Usher API/ })).toBeVisible();
  await expect(page.getByText("/oauth/token", { exact: true })).toBeVisible();
  await expect(page.getByText("/api/v1/tv/codes/{userCode}/approve", { exact: true })).toBeVisible();
  expect(foreign).toEqual([]);
});
