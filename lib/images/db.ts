import { type AppDB, getDB } from "@/lib/db";

let db: AppDB | undefined;

/** The database, resolved lazily (IndexedDB exists only in the browser); tests can swap it. */
export function imagesDb(): AppDB {
  db ??= getDB();
  return db;
}

export function setImagesDb(next: AppDB | undefined): void {
  db = next;
}
