import { prng } from "./values";

// Varied markdown for `[[long:N]]`: renderers and benchmarks need every block kind they will meet
// in real answers (code in several languages, GFM tables, math, nested lists), deterministically.

const WORDS = (
  "stream token render buffer latency markdown parser block paragraph model provider request " +
  "response chunk reasoning answer context window cache memory index table column value vector " +
  "matrix gradient signal network browser server client session storage quota virtual list " +
  "scroll frame budget throttle debounce commit layout paint style font glyph syntax highlight " +
  "fence heading quote emphasis link image caption footnote summary detail example test bench"
).split(" ");

const CODE: ((n: number) => string)[] = [
  (n) =>
    "```ts\n" +
    `export function sum${n}(values: number[]): number {\n` +
    "  let total = 0;\n  for (const v of values) total += v;\n  return total;\n}\n" +
    `console.log(sum${n}([1, 2, 3, ${n}]));\n` +
    "```",
  (n) =>
    "```python\n" +
    `def fib_${n}(limit: int) -> list[int]:\n` +
    '    """Fibonacci numbers below a limit."""\n' +
    "    a, b, out = 0, 1, []\n    while a < limit:\n        out.append(a)\n        a, b = b, a + b\n    return out\n\n" +
    `print(fib_${n}(${n * 10}))\n` +
    "```",
  (n) =>
    "```rust\n" +
    `fn mean_${n}(xs: &[f64]) -> Option<f64> {\n` +
    "    if xs.is_empty() {\n        return None;\n    }\n    Some(xs.iter().sum::<f64>() / xs.len() as f64)\n}\n" +
    "```",
  (n) =>
    "```go\n" +
    `func Reverse${n}(s string) string {\n` +
    "\tr := []rune(s)\n\tfor i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {\n\t\tr[i], r[j] = r[j], r[i]\n\t}\n\treturn string(r)\n}\n" +
    "```",
  (n) =>
    "```sql\n" +
    "SELECT conversation_id, COUNT(*) AS messages, MAX(created_at) AS last_seen\n" +
    "FROM messages\n" +
    `WHERE created_at > NOW() - INTERVAL '${n} days'\n` +
    "GROUP BY conversation_id\nORDER BY last_seen DESC\nLIMIT 20;\n" +
    "```",
  (n) =>
    "```bash\n" +
    `for i in $(seq 1 ${n}); do\n` +
    '  curl -s "http://127.0.0.1:4010/health" > /dev/null && echo "ok $i"\n' +
    "done\n" +
    "```",
];

const MATH_INLINE = ["$E = mc^2$", "$a^2 + b^2 = c^2$", "$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$", "$O(n \\log n)$"];
const MATH_BLOCK = [
  "$$\n\\int_0^1 x^2 \\, dx = \\frac{1}{3}\n$$",
  "$$\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j} e^{z_j}}\n$$",
  "$$\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}^{-1} = \\frac{1}{ad - bc} \\begin{pmatrix} d & -b \\\\ -c & a \\end{pmatrix}\n$$",
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function sentence(rand: () => number): string {
  const length = 6 + Math.floor(rand() * 12);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(pick(rand, WORDS));
  if (rand() < 0.3) words.splice(Math.floor(rand() * words.length), 0, `**${pick(rand, WORDS)}**`);
  if (rand() < 0.2) words.push(pick(rand, MATH_INLINE));
  if (rand() < 0.2) words.splice(1, 0, `\`${pick(rand, WORDS)}()\``);
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: () => number): string {
  const count = 3 + Math.floor(rand() * 4);
  return Array.from({ length: count }, () => sentence(rand)).join(" ");
}

function table(rand: () => number, n: number): string {
  const cols = 3 + Math.floor(rand() * 2);
  const header = Array.from({ length: cols }, (_, i) => (i === 0 ? "Item" : `${pick(rand, WORDS)} ${i}`));
  const rows = Array.from({ length: 3 + Math.floor(rand() * 4) }, (_, r) =>
    header.map((_, c) => (c === 0 ? `${pick(rand, WORDS)}-${n}-${r}` : (rand() * 1000).toFixed(c === 1 ? 0 : 2))),
  );
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const align = header.map((_, i) => (i === 0 ? ":---" : "---:"));
  return [line(header), line(align), ...rows.map(line)].join("\n");
}

function list(rand: () => number): string {
  const ordered = rand() < 0.5;
  const items: string[] = [];
  const count = 3 + Math.floor(rand() * 3);
  for (let i = 0; i < count; i++) {
    items.push(`${ordered ? `${i + 1}.` : "-"} ${sentence(rand)}`);
    if (rand() < 0.3) items.push(`   - ${sentence(rand)}`);
  }
  return items.join("\n");
}

/** About `kb` KiB of markdown, the same for the same seed. */
export function longMarkdown(kb: number, seed: number): string {
  const rand = prng(seed);
  const target = Math.max(1, kb) * 1024;
  const blocks: string[] = [`# A long answer (${kb} KB)`, paragraph(rand)];
  let size = blocks.join("\n\n").length;
  let section = 1;
  while (size < target) {
    const kind = Math.floor(rand() * 7);
    let block: string;
    if (kind === 0) block = `## Section ${section++}: ${pick(rand, WORDS)} and ${pick(rand, WORDS)}`;
    else if (kind === 1) block = pick(rand, CODE)(section);
    else if (kind === 2) block = table(rand, section);
    else if (kind === 3) block = pick(rand, MATH_BLOCK);
    else if (kind === 4) block = list(rand);
    else if (kind === 5) block = `> ${sentence(rand)} ${sentence(rand)}`;
    else block = paragraph(rand);
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join("\n\n");
}
