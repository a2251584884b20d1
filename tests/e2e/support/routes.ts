import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every API route in the app and the methods it serves, read from the files themselves: App Router
 * routes export their methods; a Pages Router route (pages/api, served by nodeApiHandler) names its one
 * method in its options.
 */
export function apiRoutes(): { path: string; methods: string[] }[] {
  const pagesRoot = path.resolve(__dirname, "../../../pages/api");
  const pages = readdirSync(pagesRoot, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => {
      const source = readFileSync(path.join(pagesRoot, entry.name), "utf8");
      const methods = [...source.matchAll(/\bmethod: "(GET|POST|PUT|PATCH|DELETE)"/g)].map((m) => m[1] as string);
      return { path: `/api/${entry.name.replace(/\.ts$/, "")}`, methods };
    });
  const root = path.resolve(__dirname, "../../../app/api");
  const out: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [
          ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
        ].map((m) => m[1] as string);
        const rel = path.relative(root, path.dirname(full)).split(path.sep).join("/");
        // Dynamic segments get a harmless sample value.
        out.push({ path: `/api/${rel}`.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, "sample"), methods });
      }
    }
  };
  walk(root);
  return [...out, ...pages];
}
