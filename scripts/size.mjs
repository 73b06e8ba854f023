// Payload budget: what a browser downloads on first load (index.html and every file it references,
// plus the wasm the script fetches), raw and gzip bytes per file and in total. Fails above budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// Raised from 150 KB to 172 KB when the results summary, the plan by office, the people pages and
// the UI string table landed (measured 169-170 KB). Issue 13 (target 110 KB): wasm-opt flags and
// minified glue, style sheet and service worker saved 5,765 bytes (172,995 -> 167,230), then the
// kiosk layout, number pad and dialogs, the plan's printed first page and the results summary added
// about 8.8 KB (measured 175,988). Splitting the results, plan and browse pages' code into a second
// wasm fetched at the check page took the first load from 176,065 to 132,610. The questions' code
// in its own wasm, fetched on leaving the start page (src/ui/split.rs): 133,018 -> 119,044; the
// strings only the question or the later pages use in their own tables: -> 114,116; the questions'
// texts apart from the facts table and a question page's title from the questions' code: -> 110,644.
// The budget is issue 13's target, 110 KB.
const BUDGET_GZIP = Number(process.env.BUDGET_GZIP || 110 * 1024);
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');

// Same-origin files the page asks for while loading: href/src in index.html, and files named inside
// those (the wasm named by the script). The service worker's own precache runs later, off the
// critical path, and fetches the same files.
const names = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src)="\.?\/?([^"#?:]+)"/g)) names.add(m[1]);
// The app registers the service worker as soon as it starts.
if (fs.existsSync(path.join(dist, 'sw.js'))) names.add('sw.js');
// The service worker and the split loader are leaves: the files they name are fetched after the
// page has loaded (the precache), or when the person leaves the start page (the questions' wasm)
// or reaches the check page (the results' wasm); they are listed below, not counted here.
const leaf = (n) => n === 'sw.js' || /^split\..*\.js$/.test(n);
for (const n of names) { // a Set iterates over names added while it runs: the scripts' imports too
  if (!n.endsWith('.js') || leaf(n)) continue;
  const js = fs.readFileSync(path.join(dist, n), 'utf8');
  for (const m of js.matchAll(/"\.?\/?([\w.-]+\.(?:wasm|js|css|json))"/g)) {
    if (fs.existsSync(path.join(dist, m[1]))) names.add(m[1]);
  }
}
let raw = 0, gz = 0;
const rows = [];
for (const n of names) {
  const p = path.join(dist, n);
  if (!fs.existsSync(p)) { console.error(`size: index.html names ${n}, which is not in dist/`); process.exit(1); }
  const data = fs.readFileSync(p);
  const g = zlib.gzipSync(data, { level: 9 }).length;
  raw += data.length; gz += g;
  rows.push([n, data.length, g]);
}
const pad = (s, n) => String(s).padStart(n);
console.log('payload on first load (bytes):');
console.log(`  ${'file'.padEnd(34)} ${pad('raw', 9)} ${pad('gzip', 9)}`);
for (const [n, r, g] of rows) console.log(`  ${n.padEnd(34)} ${pad(r, 9)} ${pad(g, 9)}`);
console.log(`  ${'total'.padEnd(34)} ${pad(raw, 9)} ${pad(gz, 9)}   budget ${BUDGET_GZIP} gzip (${(gz / 1024).toFixed(1)} KB of ${(BUDGET_GZIP / 1024).toFixed(0)} KB)`);
// Fetched later: the questions' code (src/ui/split.rs) when the person leaves the start page, the
// results' code at the check page (both with the engine they share), and each place's files when
// it is chosen (all precached by the service worker too).
for (const [when, re] of [['on leaving the start page', /^(questions|chunk_\d+)\..*\.wasm$/], ['on the check page or a results page', /^(later|chunk_\d+)\..*\.wasm$/]]) {
  const files = fs.readdirSync(dist).filter((n) => re.test(n));
  if (!files.some((n) => !n.startsWith('chunk_'))) { console.error(`size: no wasm fetched ${when} in dist/`); process.exit(1); }
  const sizes = files.map((n) => `${n} ${zlib.gzipSync(fs.readFileSync(path.join(dist, n)), { level: 9 }).length}`);
  console.log(`  later, ${when}: ${sizes.join(' + ')} gzip bytes`);
}
for (const [what, re] of [['policy text files (per place and language)', /^texts-.*\.txt$/], ['rule files (per place)', /^rules-.*\.bin$/]]) {
  const later = fs.readdirSync(dist).filter((n) => re.test(n));
  const gzs = later.map((n) => zlib.gzipSync(fs.readFileSync(path.join(dist, n)), { level: 9 }).length);
  console.log(`  later, when a place is chosen: ${later.length} ${what}, ${Math.min(...gzs)}–${Math.max(...gzs)} gzip bytes each`);
}
if (gz > BUDGET_GZIP) { console.error(`size: FAIL: ${gz} gzip bytes is over the budget of ${BUDGET_GZIP}`); process.exit(1); }
