"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { NumberField } from "@/components/ui/number-field";
import { useCostPrefs } from "@/lib/cost/client/prefs";
import { perMillion } from "@/lib/cost/price";
import { resolvePrice, withOverride } from "@/lib/cost/resolve";
import type { Provider } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { loadModels, useModels } from "@/lib/providers/client/models";
import { usePriceOverrides } from "./use-cost-prefs";

function priceText(price: ReturnType<typeof resolvePrice>["price"], t: ReturnType<typeof useT>): string {
  if (!price) return t("cost.unknown");
  if (price.unit === "free") return t("cost.free");
  if (price.unit !== "tokens") return price.unit;
  return price.tiers
    .map((tier) =>
      t("prices.rates", {
        input: tier.rates.input,
        output: tier.rates.output,
        cached: tier.rates.cachedInput ?? tier.rates.input,
      }),
    )
    .join(" / ");
}

/** Settings → Spending → Prices: the shipped price of a chat model, with its source, and the user's own. */
export function PriceOverrides() {
  const t = useT();
  const models = useModels("chat").models;
  const overrides = usePriceOverrides();
  const [key, setKey] = useState("");
  const [input, setInput] = useState<number | null>(null);
  const [output, setOutput] = useState<number | null>(null);
  const [cached, setCached] = useState<number | null>(null);

  useEffect(() => void loadModels("chat"), []);
  const chosen = key || (models[0] ? `${models[0].provider}:${models[0].id}` : "");
  const at = chosen.indexOf(":");
  const provider = chosen.slice(0, at) as Provider;
  const model = chosen.slice(at + 1);
  const resolved = chosen ? resolvePrice(provider, model, overrides) : null;

  const save = () => {
    if (input === null || output === null) return;
    const next = withOverride(overrides, provider, model, perMillion(input, output, cached ?? undefined));
    useCostPrefs.getState().setOverrides(next);
  };
  const reset = () => useCostPrefs.getState().setOverrides(withOverride(overrides, provider, model, null));

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">{t("prices.title")}</h3>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("prices.hint")}</p>
      <Field label={t("prices.model")}>
        <NativeSelect
          value={chosen}
          onChange={(e) => setKey(e.target.value)}
          options={models.map((m) => ({ value: `${m.provider}:${m.id}`, label: m.id }))}
        />
      </Field>
      {resolved && (
        <p data-testid="price-current" data-origin={resolved.origin} className="text-sm">
          {priceText(resolved.price, t)}
          {resolved.origin === "override"
            ? ` · ${t("prices.yours")}`
            : resolved.read
              ? ` · ${t("prices.read", { date: resolved.read })}`
              : ""}
        </p>
      )}
      {resolved?.source && <p className="break-all text-xs text-zinc-500">{resolved.source}</p>}
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label={t("prices.input")}>
          <NumberField value={input} min={0} max={10_000} step={0.1} onValueChange={setInput} />
        </Field>
        <Field label={t("prices.output")}>
          <NumberField value={output} min={0} max={10_000} step={0.1} onValueChange={setOutput} />
        </Field>
        <Field label={t("prices.cached")}>
          <NumberField value={cached} min={0} max={10_000} step={0.1} onValueChange={setCached} />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button size="sm" onClick={save} disabled={!chosen || input === null || output === null}>
          {t("prices.save")}
        </Button>
        {resolved?.origin === "override" && (
          <Button size="sm" variant="secondary" onClick={reset}>
            {t("prices.reset")}
          </Button>
        )}
      </div>
    </div>
  );
}
