import { DB_NAME } from "./name";

// Chromium opens a database's files (LevelDB) on its first connection in a browser session: at
// 200,000 messages that took ~450 ms, and the app only asks after hydration. This script, inline in
// <head>, asks while the page's JavaScript is still loading, so the app's own open finds them ready.
// - No version: it never creates or upgrades anything. If the database does not exist yet, the
//   upgrade that creation would start is aborted, which leaves no database behind.
// - It lets go on `versionchange`, so the app's schema upgrades and deletes are never blocked, and
//   otherwise after 10 s (the app holds its own connection by then).
export const dbWarmScript = `(function(){try{var r=indexedDB.open(${JSON.stringify(DB_NAME)});r.onupgradeneeded=function(){r.transaction.abort()};r.onerror=function(e){e.preventDefault()};r.onsuccess=function(){var d=r.result;d.onversionchange=function(){d.close()};setTimeout(function(){d.close()},10000)}}catch(e){}})();`;
