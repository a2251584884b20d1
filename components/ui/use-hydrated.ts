"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true after. Buttons whose only effect is their
 * handler stay disabled until then: a click that lands before React is ready would submit a form
 * natively (a reload) or do nothing at all. A Chinese page hydrates one round trip later than an
 * English one (its dictionary is fetched first), which widens that window.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
