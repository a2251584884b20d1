import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css; theme tokens that
// components share live here so they stay in one place.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  darkMode: ["variant", "&:where(.dark, .dark *)"],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#6d28d9", fg: "#ffffff", soft: "#ede9fe" },
      },
      maxWidth: { chat: "52rem" },
    },
  },
} satisfies Config;
