"use client";

import { useT } from "@/lib/i18n/client";

const code = "rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs dark:bg-zinc-800";

/** How to add a provider key: keys live on the server only, so it is a file or the host's settings and a restart. */
export function KeyHowTo({ demo }: { demo: boolean }) {
  const t = useT();
  return (
    <div
      data-testid="key-howto"
      className="space-y-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <h3 className="font-medium">{t(demo ? "settings.howto.titleDemo" : "settings.howto.title")}</h3>
      <ol className="list-decimal space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
        <li>{t("settings.howto.step1")}</li>
        <li>
          {t("settings.howto.step2")}
          <pre className={`mt-1 block w-fit whitespace-pre-wrap ${code}`}>
            {"SILICONFLOW_API_KEY=sk-…\nGLM_API_KEY=…"}
          </pre>
        </li>
        <li>{t("settings.howto.step3")}</li>
      </ol>
      <p className="text-xs text-zinc-500">{t("settings.howto")}</p>
    </div>
  );
}
