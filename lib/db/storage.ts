// Browser storage: persistence, usage/quota, and turning a full disk into a clear, bilingual error.

import { AppError } from "@/lib/errors";

function storageManager(): StorageManager | undefined {
  return typeof navigator !== "undefined" ? navigator.storage : undefined;
}

/**
 * Asks the browser not to evict our data under storage pressure. `false` is a normal answer
 * (headless Chromium, Safari without user engagement, a denied prompt in Firefox).
 */
export async function requestPersistence(): Promise<boolean> {
  const sm = storageManager();
  if (!sm?.persist) return false;
  try {
    if (sm.persisted && (await sm.persisted())) return true;
    return await sm.persist();
  } catch {
    return false;
  }
}

export async function isPersisted(): Promise<boolean> {
  const sm = storageManager();
  try {
    return sm?.persisted ? await sm.persisted() : false;
  } catch {
    return false;
  }
}

export interface StorageEstimateResult {
  usage: number;
  quota: number;
}

/** Bytes used and available to this origin, or null where the browser does not say. */
export async function storageEstimate(): Promise<StorageEstimateResult | null> {
  const sm = storageManager();
  if (!sm?.estimate) return null;
  try {
    const { usage, quota } = await sm.estimate();
    if (typeof usage !== "number" || typeof quota !== "number") return null;
    return { usage, quota };
  } catch {
    return null;
  }
}

const QUOTA_NAMES = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);

/**
 * True for a full-disk failure however it arrives: a DOMException from IndexedDB (name, or the
 * legacy code 22 / 1014), Dexie's `Dexie.QuotaExceededError`, or wrapped in Dexie's AbortError /
 * BulkError / ModifyError (`inner`, `failures`) or an Error `cause`.
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === "string" && QUOTA_NAMES.has(e.name)) return true;
  if (e.name === undefined && (e.code === 22 || e.code === 1014)) return true;
  if (typeof DOMException !== "undefined" && err instanceof DOMException && (e.code === 22 || e.code === 1014)) {
    return true;
  }
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : e.failures && typeof e.failures === "object"
      ? Object.values(e.failures)
      : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

export function quotaError(cause?: unknown): AppError {
  return new AppError("internal", { key: "error.storage.full", detail: "QuotaExceededError", cause });
}

export function isQuotaAppError(err: unknown): boolean {
  return err instanceof AppError && err.detail === "QuotaExceededError";
}

/**
 * Runs a write and rethrows a full-disk failure as an AppError the UI can show in an alert.
 * IndexedDB aborts the whole transaction on quota errors, so nothing already stored is lost.
 */
export async function withQuotaGuard<T>(fn: () => PromiseLike<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isQuotaError(err)) throw quotaError(err);
    throw err;
  }
}
