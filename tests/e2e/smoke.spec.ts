import { expect, test } from "@playwright/test";

// The cheapest proof that the production build serves both halves of the portal.
// Locators avoid UI wording so that copy and language changes do not break them.

test("the public home page answers 200 with a heading", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1").first()).toBeVisible();
});

test("the sign-in page has a labelled email and password field", async ({ page }) => {
  const response = await page.goto("/masuk");
  expect(response?.status()).toBe(200);
  for (const type of ["email", "password"]) {
    const field = page.locator(`input[type="${type}"]`);
    await expect(field).toBeVisible();
    // a label (or aria-label) is what screen readers announce; a placeholder alone is not one
    await expect(field).toHaveAccessibleName(/\S/);
  }
});
