import { DB_NAME } from "../../lib/db/name";
import { expect, test } from "./support/fixtures";

// Issue 17 finding 12: signing out left the cached app and the history readable in this browser,
// online or off. Signing out now offers to clear what this browser keeps.

test("signing out offers to clear this browser's data, and clears it", async ({ page, t, lockedURL }) => {
  await page.goto(`${lockedURL}/login?next=%2Fchat`);
  await page.getByLabel(t("auth.code")).fill("open-sesame");
  await page.getByRole("button", { name: t("auth.unlock") }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.locator("form[data-ready]")).toBeVisible({ timeout: 30_000 });
  // What this browser keeps after a visit: the history database, the offline copy, preferences.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    localStorage.setItem("theme", "dark");
  });
  const kept = () =>
    page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      storage: localStorage.length,
    }));
  await expect.poll(async () => (await kept()).databases).toContain(DB_NAME);
  expect(await kept()).toMatchObject({ caches: 1, workers: 1 });

  await page.goto(`${lockedURL}/settings`);
  await page.getByRole("button", { name: t("auth.logout") }).click();
  const dialog = page.getByRole("dialog", { name: t("auth.logout.title") });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(t("auth.logout.body"));
  // Cancel keeps the session.
  await dialog.getByRole("button", { name: t("auth.logout.cancel") }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/settings$/);

  await page.getByRole("button", { name: t("auth.logout") }).click();
  await dialog.getByRole("button", { name: t("auth.logout.clear") }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await kept()).toEqual({ databases: [], caches: 0, workers: 0, storage: 0 });
  // And the session is over.
  await page.goto(`${lockedURL}/chat`);
  await expect(page).toHaveURL(/\/login\?next=%2Fchat/);
});
