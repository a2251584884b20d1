"use client";

import { ErrorAlert } from "@/components/ui/error-alert";
import { AppError } from "@/lib/errors";
import { selectExportFailure, useExport } from "@/lib/share/client/export-store";

/** The last export that failed: what failed, why and what to do, until dismissed or another export runs. */
export function ExportAlert() {
  const failure = useExport(selectExportFailure);
  if (!failure) return null;
  return (
    <div className="mx-auto w-full max-w-chat px-4 pt-2">
      <ErrorAlert
        error={new AppError("internal", { ...failure.message, detail: failure.detail }).toJSON()}
        onDismiss={() => useExport.getState().dismiss()}
      />
    </div>
  );
}
