import { DB_NAME } from "../../lib/db/name";
import { LoginPage } from "./pages/login-page";
import { SettingsPage } from "./pages/settings-page";
import { expect, test } from "./support/fixtures";

// Issue 17 finding 12: signing out left the cached app and the history readable in this browser,
// online or off. Signing out now offers to clear what this browser keeps.

test("signing out offers to clear this browser's data, and clears it", async ({ page, t, lockedURL }) => {
  const login = new LoginPage(page, t);
  await login.goto(lockedURL, "/chat");
  await login.unlockWith("open-sesame");
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

  const settings = new SettingsPage(page, t);
  await settings.goto(lockedURL);
  await settings.signOut.click();
  const dialog = settings.signOutDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(t("auth.logout.body"));
  // Cancel keeps the session.
  await dialog.getByRole("button", { name: t("auth.logout.cancel") }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/settings$/);

  await settings.signOut.click();
  await dialog.getByRole("button", { name: t("auth.logout.clear") }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await kept()).toEqual({ databases: [], caches: 0, workers: 0, storage: 0 });
  // And the session is over.
  await page.goto(`${lockedURL}/chat`);
  await expect(page).toHaveURL(/\/login\?next=%2Fchat/);
});
