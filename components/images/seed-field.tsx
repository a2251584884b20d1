"use client";

import { useT } from "@/lib/i18n/client";
import { MAX_SEED } from "@/lib/images/capabilities";
import { selectFormField } from "@/lib/images/client/selectors";
import { useImageStore } from "@/lib/images/client/store";
import { DiceIcon } from "./icons";
import { fieldClass, labelClass } from "./styles";

/**
 * Seed: empty means a new random seed for every press; a number is fixed. The dice draws a new
 * fixed seed; after a random press the seed it used is offered for pinning. Button names avoid
 * the word "seed" so the field alone answers to the label "Seed".
 */
export function SeedField({ supported }: { supported: boolean }) {
  const t = useT();
  const seed = useImageStore(selectFormField("seed"));
  const lastSeed = useImageStore(selectFormField("lastSeed"));
  // Actions never change: taken from the store, not subscribed to.
  const { setForm, rerollSeed: reroll } = useImageStore.getState();

  const onChange = (raw: string) => {
    const digits = raw.replace(/\D/g, "");
    if (digits === "") return setForm({ seed: null });
    setForm({ seed: Math.min(MAX_SEED, Number(digits)) });
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor="image-seed" className={labelClass}>
        {t("images.field.seed")}
      </label>
      <div className="flex gap-2">
        <input
          id="image-seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          disabled={!supported}
          value={supported && seed !== null ? String(seed) : ""}
          placeholder={supported ? t("images.seed.random") : "—"}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby="image-seed-hint"
          className={`${fieldClass} min-w-0 flex-1 font-mono`}
        />
        <button
          type="button"
          onClick={reroll}
          disabled={!supported}
          title={t("images.seed.reroll")}
          aria-label={t("images.seed.reroll")}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg border border-zinc-200 text-zinc-700 hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <DiceIcon width={18} height={18} />
        </button>
      </div>
      <p id="image-seed-hint" className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500">
        {!supported ? (
          t("images.seed.unsupported")
        ) : seed === null ? (
          <>
            <span>{t("images.seed.hintRandom")}</span>
            {lastSeed !== null && (
              <button
                type="button"
                onClick={() => setForm({ seed: lastSeed })}
                className="font-medium text-violet-700 hover:underline dark:text-violet-300"
              >
                {t("images.seed.keep", { value: lastSeed })}
              </button>
            )}
          </>
        ) : (
          <>
            <span>{t("images.seed.hintFixed")}</span>
            <button
              type="button"
              onClick={() => setForm({ seed: null })}
              className="font-medium text-violet-700 hover:underline dark:text-violet-300"
            >
              {t("images.seed.clear")}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
