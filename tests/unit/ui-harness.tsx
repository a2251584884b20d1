import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider } from "@/lib/i18n/client";

/** Renders a primitive the way the app does: inside the I18nProvider, in English unless told. */
export function renderUi(ui: ReactElement, locale: "en" | "zh" = "en") {
  return render(<I18nProvider initialLocale={locale}>{ui}</I18nProvider>);
}
