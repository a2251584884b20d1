"use client";

import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { useT } from "@/lib/i18n/client";
import { useTags } from "@/lib/organize/client/hooks";
import { selectTagFilter, useOrganize } from "@/lib/organize/client/store";

/** "Filter by tag": shown once some conversation has a tag; the sidebar then lists only those. */
export function TagFilter() {
  const t = useT();
  const tags = useTags();
  const value = useOrganize(selectTagFilter);
  if (!tags?.length && !value) return null;
  return (
    <Field label={t("organize.tags.filter")} labelHidden className="mt-2">
      <NativeSelect
        value={value}
        onChange={(e) => useOrganize.getState().setTagFilter(e.target.value)}
        options={[
          { value: "", label: t("organize.tags.all") },
          ...(tags ?? []).map((tag) => ({ value: tag, label: `# ${tag}` })),
        ]}
        className="h-8 text-sm"
      />
    </Field>
  );
}
