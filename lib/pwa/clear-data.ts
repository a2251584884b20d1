// "Sign out and clear this browser's data": on a shared computer, signing out alone leaves the
// history (IndexedDB), saved settings (localStorage) and the offline copy of the app (Cache
// Storage, the service worker) readable by the next person, online or off. This removes all of it
// for this origin. The session cookie is the server's to revoke (DELETE /api/auth).

import { DB_NAME, getDB } from "@/lib/db";

const WAIT_MS = 5000;

/** Deletes one database; resolves on success, error, or after a while if another tab holds it open. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = done;
    request.onerror = done;
  });
}

export interface ClearedData {
  databases: number;
  caches: number;
  workers: number;
}

export async function clearBrowserData(): Promise<ClearedData> {
  // This tab's connection first, or the deletion waits for it. Other tabs close theirs when asked
  // (Dexie closes on "versionchange").
  try {
    getDB().close({ disableAutoOpen: true });
  } catch {
    // No database in this browser (or IndexedDB unavailable): nothing to close.
  }
  const names = new Set<string>();
  try {
    for (const db of (await indexedDB.databases?.()) ?? []) if (db.name) names.add(db.name);
  } catch {
    // Browsers without databases(): the app's own database is still deleted below.
  }
  names.add(DB_NAME);
  await Promise.all([...names].map(deleteDatabase));

  let cacheCount = 0;
  if (typeof caches !== "undefined") {
    const keys = await caches.keys();
    await Promise.all(keys.map((k) => caches.delete(k)));
    cacheCount = keys.length;
  }
  let workers = 0;
  if ("serviceWorker" in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((r) => r.unregister()));
    workers = registrations.length;
  }
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing was kept there.
  }
  return { databases: names.size, caches: cacheCount, workers };
}
