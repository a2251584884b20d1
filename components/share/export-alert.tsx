"use client";

import { ErrorAlert } from "@/components/ui/error-alert";
import { useExport } from "@/lib/share/client/export-store";

/** The last export that failed: what failed, why and what to do, until dismissed or another export runs. */
export function ExportAlert() {
  const failure = useExport((s) => s.failure);
  if (!failure) return null;
  return (
    <div className="mx-auto w-full max-w-chat px-4 pt-2">
      <ErrorAlert
        error={{
          code: "internal",
          status: 500,
          retryable: true,
          message: failure.message,
          detail: failure.detail,
        }}
        onDismiss={() => useExport.getState().dismiss()}
      />
    </div>
  );
}
