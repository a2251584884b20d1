"use client";

import { useT } from "@/lib/i18n/client";

/** Where the skip link lands: every page's main region carries this id (and tabIndex -1 to take focus). */
export const MAIN_ID = "main";

/**
 * The first focusable element of every page: keyboard and screen-reader users jump past the header
 * and the primary nav. Hidden until focused. Focus is moved explicitly as well as by the fragment, so
 * the next Tab continues inside the main region in every browser.
 */
export function SkipLink() {
  const t = useT();
  return (
    <a
      href={`#${MAIN_ID}`}
      data-testid="skip-link"
      onClick={(e) => {
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        e.preventDefault();
        main.focus();
        main.scrollIntoView({ block: "start" });
      }}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-violet-700 focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-white focus:outline-2 focus:outline-offset-2 focus:outline-violet-400"
    >
      {t("shell.skip")}
    </a>
  );
}
