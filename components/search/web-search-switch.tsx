"use client";

import { useEffect, useState } from "react";
import { ComposerSwitch } from "@/components/chat/composer-switch";
import { SearchIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { selectWebSearchEnabled, selectWebSearchStatus, useWebSearch } from "@/lib/search/client/store";

/**
 * The composer's "Web search" switch. Without a GLM key on the server it stays off and says what it
 * needs instead of letting a request fail later.
 */
export function WebSearchSwitch() {
  const t = useT();
  const enabled = useWebSearch(selectWebSearchEnabled);
  const status = useWebSearch(selectWebSearchStatus);
  const [explain, setExplain] = useState(false);
  useEffect(() => useWebSearch.getState().load(), []);
  const unavailable = status?.available === false;
  const on = enabled && !unavailable;
  return (
    <span className="inline-flex items-center gap-1.5">
      <ComposerSwitch
        on={on}
        icon={<SearchIcon size={15} />}
        label={t("search.switch")}
        hint={unavailable ? t("search.needsKey") : t("search.switchHint")}
        testId="web-search-switch"
        data-available={unavailable ? "false" : undefined}
        dimmed={unavailable}
        onClick={() => {
          if (unavailable) return setExplain(true);
          useWebSearch.getState().setEnabled(!enabled);
        }}
      />
      {unavailable && explain && (
        <span role="status" className="max-w-64 text-xs text-amber-700 dark:text-amber-300">
          {t("search.needsKey")}
        </span>
      )}
    </span>
  );
}
