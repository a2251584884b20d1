"use client";

import { useEffect, useId, useState } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useT } from "@/lib/i18n/client";
import { useWebSearch } from "@/lib/search/client/store";

/**
 * The composer's "Web search" switch. Without a GLM key on the server it stays off and says what it
 * needs instead of letting a request fail later.
 */
export function WebSearchSwitch() {
  const t = useT();
  const id = useId();
  const enabled = useWebSearch((s) => s.enabled);
  const status = useWebSearch((s) => s.status);
  const [explain, setExplain] = useState(false);
  useEffect(() => useWebSearch.getState().load(), []);
  const unavailable = status?.available === false;
  const on = enabled && !unavailable;
  return (
    <span className="inline-flex items-center gap-1.5">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={`${id}-hint`}
        data-testid="web-search-switch"
        data-available={unavailable ? "false" : undefined}
        onClick={() => {
          if (unavailable) return setExplain(true);
          useWebSearch.getState().setEnabled(!enabled);
        }}
        className={`flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm ${focusRing} ${
          on
            ? "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200"
            : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        } ${unavailable ? "opacity-60" : ""}`}
      >
        <SearchIcon size={15} />
        <span className="max-sm:sr-only">{t("search.switch")}</span>
      </button>
      <span id={`${id}-hint`} hidden>
        {unavailable ? t("search.needsKey") : t("search.switchHint")}
      </span>
      {unavailable && explain && (
        <span role="status" className="max-w-64 text-xs text-amber-700 dark:text-amber-300">
          {t("search.needsKey")}
        </span>
      )}
    </span>
  );
}
