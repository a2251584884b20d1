export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = "theme";

// Runs before first paint so a dark-theme user never sees a white flash.
export const themeBootScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}")||"system";var d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);document.documentElement.dataset.theme=t}catch(e){}})();`;

export function applyTheme(theme: Theme): void {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.theme = theme;
}

/** Said on `window` when a theme is chosen anywhere (the header select, the command palette). */
const THEME_CHOSEN = "siliconplay:theme";

function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** Stores, applies and announces a choice, so every control that shows the theme follows it. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private mode: the theme still changes for this page.
  }
  applyTheme(theme);
  window.dispatchEvent(new CustomEvent<Theme>(THEME_CHOSEN, { detail: theme }));
}

/** Calls `listener` with each theme chosen in this tab or another one (storage events). */
export function onThemeChosen(listener: (theme: Theme) => void): () => void {
  const local = (e: Event) => {
    const theme = (e as CustomEvent<unknown>).detail;
    if (isTheme(theme)) listener(theme);
  };
  const other = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY) return;
    const theme = e.newValue ?? "system";
    if (!isTheme(theme)) return;
    applyTheme(theme);
    listener(theme);
  };
  window.addEventListener(THEME_CHOSEN, local);
  window.addEventListener("storage", other);
  return () => {
    window.removeEventListener(THEME_CHOSEN, local);
    window.removeEventListener("storage", other);
  };
}
