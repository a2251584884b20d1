"use client";

import { CloseIcon } from "@/components/ui/icons";
import { FIELD_NAMES } from "@/lib/chat/bounds";
import { selectSettingsNotice, useSettingsNotices } from "@/lib/chat/client/settings-notices";
import { useI18n } from "@/lib/i18n/client";

function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** Says which settings were changed (or are not used) to fit the conversation's model. */
export function SettingsNotice({ conversationKey }: { conversationKey: string }) {
  const { t, locale } = useI18n();
  const notice = useSettingsNotices(selectSettingsNotice(conversationKey));
  if (!notice) return null;
  const changes = notice.clamped
    .map((c) => t("chat.settings.change", { field: t(FIELD_NAMES[c.field]), from: shown(c.from), to: shown(c.to) }))
    .join(locale === "zh" ? "，" : ", ");
  const unused = notice.unused.map((f) => t(FIELD_NAMES[f])).join(locale === "zh" ? "、" : ", ");
  return (
    <div
      role="status"
      data-testid="settings-notice"
      data-fields={notice.clamped.map((c) => c.field).join(" ")}
      className="mb-2 flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <div className="min-w-0 flex-1">
        {changes && <p>{t("chat.settings.adjusted", { model: notice.model, changes })}</p>}
        {unused && <p>{t("chat.settings.unused", { model: notice.model, fields: unused })}</p>}
      </div>
      <button
        type="button"
        aria-label={t("common.dismiss")}
        title={t("common.dismiss")}
        onClick={() => useSettingsNotices.getState().dismiss(conversationKey)}
        className="inline-flex size-5 shrink-0 items-center justify-center rounded hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        <CloseIcon size={12} />
      </button>
    </div>
  );
}
