// Lists exports that nothing imports: an `export` no other file uses is either dead code or a name
// that should stay private to its file. Part of `npm run lint`; exits 1 when it finds any.
//
// Every .ts/.tsx file of the project counts as a user (tests and scripts too: a test of an internal
// function keeps it exported on purpose). Side-effect imports, `import * as`, `export *` and lazy
// `import("…")` count as using every export of their module; so does a worker's `new URL("./x.ts",
// import.meta.url)`. Names the framework reads (route handlers, `default`, `metadata`…) are exempt in
// the files it reads them from.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { root } from "./import-graph.mjs";

const ts = createRequire(join(root, "package.json"))("typescript");

const FRAMEWORK_FILES =
  /^(app|pages)\/|^(instrumentation|proxy|middleware|next\.config|playwright\.[a-z]+\.config|playwright\.config|tailwind\.config|vitest\.config)\.ts$/;
const FRAMEWORK_NAMES = new Set([
  "default",
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "HEAD",
  "OPTIONS",
  "metadata",
  "generateMetadata",
  "viewport",
  "generateViewport",
  "dynamic",
  "runtime",
  "revalidate",
  "maxDuration",
  "config",
  "register",
  "proxy",
]);

const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && !f.endsWith(".d.ts") && existsSync(join(root, f)));

function resolveSpec(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = join(dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const p = join(root, c);
    if (existsSync(p) && statSync(p).isFile()) return normalize(c);
  }
  return null;
}

const exported = new Map(); // file → Map(name → line)
const used = new Map(); // file → Set(name | "*")
const use = (file, name) => {
  if (!file) return;
  if (!used.has(file)) used.set(file, new Set());
  used.get(file).add(name);
};

for (const file of files) {
  const text = readFileSync(join(root, file), "utf8");
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = new Map();
  const line = (node) => src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1;
  const visit = (node) => {
    const spec = node.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec) && (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))) {
      const target = resolveSpec(file, spec.text);
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (!clause) use(target, "*");
        else {
          if (clause.name) use(target, "default");
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) use(target, "*");
          if (bindings && ts.isNamedImports(bindings))
            for (const e of bindings.elements) use(target, (e.propertyName ?? e.name).text);
        }
      } else if (!node.exportClause || !ts.isNamedExports(node.exportClause)) use(target, "*");
      else
        for (const e of node.exportClause.elements) {
          use(target, (e.propertyName ?? e.name).text);
          names.set(e.name.text, line(e));
        }
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const e of node.exportClause.elements) names.set(e.name.text, line(e));
    }
    const isImportCall = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const isUrl = ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "URL";
    const arg = isImportCall || isUrl ? node.arguments?.[0] : undefined;
    if (arg && ts.isStringLiteral(arg)) use(resolveSpec(file, arg.text), "*");
    const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    if (mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.set("default", line(node));
      else if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) names.set(d.name.text, line(d));
      } else if (node.name && ts.isIdentifier(node.name)) names.set(node.name.text, line(node));
    }
    if (ts.isExportAssignment(node)) names.set("default", line(node));
    ts.forEachChild(node, visit);
  };
  visit(src);
  exported.set(file, names);
}

const dead = [];
for (const [file, names] of exported) {
  const u = used.get(file) ?? new Set();
  if (u.has("*")) continue;
  for (const [name, at] of names) {
    if (u.has(name)) continue;
    if (FRAMEWORK_FILES.test(file) && FRAMEWORK_NAMES.has(name)) continue;
    if (file.startsWith("tests/") || file.startsWith("scripts/")) continue;
    dead.push(`${file}:${at}  ${name}`);
  }
}

if (dead.length > 0) {
  console.error(`${dead.length} export(s) that nothing imports (remove the export, or the code):`);
  for (const d of dead) console.error(`  ${d}`);
  process.exit(1);
}
console.log(`dead exports: 0 (${files.length} files)`);
