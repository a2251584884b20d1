"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { StudioLayout } from "@/components/ui/studio-layout";
import type { AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { EDIT_ATTACHMENT_PARAM, takeChatImage } from "@/lib/images/client/chat-handoff";
import { useImageStore } from "@/lib/images/client/store";
import { useImageFormSlots } from "./generate-form";
import { ImageViewer } from "./image-viewer";
import { ImagesResults } from "./images-results";
import { UndoToast } from "./undo-toast";

let rehydrated = false;

/** /images in the studio layout: the settings card (Generate kept in view), and one place for results: this session's jobs above the gallery. */
export function ImagesStudio() {
  const t = useT();
  const [handoffError, setHandoffError] = useState<AppErrorJSON | null>(null);

  useEffect(() => {
    // The saved form is read after the first render so server and client HTML agree; once per
    // page load, so coming back from another page keeps what is in memory (a running job's form).
    const store = useImageStore;
    const ready = rehydrated ? Promise.resolve() : Promise.resolve(store.persist.rehydrate());
    rehydrated = true;
    void ready.then(() => store.getState().loadModels());
    // A picture sent here from chat ("Edit image"): taken once, then the address forgets it so a
    // reload does not replace what the user has chosen since.
    if (new URLSearchParams(window.location.search).has(EDIT_ATTACHMENT_PARAM)) {
      void ready
        .then(() => takeChatImage(window.location.search, store))
        .then((problem) => {
          if (problem) setHandoffError(problem.toJSON());
          window.history.replaceState(null, "", "/images");
        });
    }
  }, []);

  const { form, action, actionNote } = useImageFormSlots();
  return (
    <>
      <StudioLayout
        title={t("images.title")}
        description={t("images.subtitle")}
        form={
          <>
            {handoffError && <ErrorAlert error={handoffError} onDismiss={() => setHandoffError(null)} />}
            {form}
          </>
        }
        action={action}
        actionNote={actionNote}
        results={<ImagesResults />}
        resultsLabel={t("images.results")}
      />
      <ImageViewer />
      <UndoToast />
    </>
  );
}
