#!/usr/bin/env node
// Fails when a provider key used by the test servers appears in the browser bundle or
// in the captured server log. Usage: node scripts/check-key-hygiene.mjs <dir-or-file>...
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const keys = (process.env.KEY_HYGIENE_KEYS ?? "").split(",").filter((k) => k.length >= 8);
if (keys.length === 0) {
  console.error("KEY_HYGIENE_KEYS is empty: nothing to look for.");
  process.exit(2);
}

let files = 0;
const leaks = [];
function scan(target) {
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target)) scan(path.join(target, entry));
    return;
  }
  files++;
  const text = readFileSync(target, "latin1");
  for (const key of keys) if (text.includes(key)) leaks.push(`${target} contains a provider key (${key.slice(0, 6)}…)`);
}
for (const target of process.argv.slice(2)) scan(target);

if (leaks.length) {
  console.error(leaks.join("\n"));
  process.exit(1);
}
console.log(`key hygiene: ${keys.length} keys, ${files} files scanned, no leak`);
