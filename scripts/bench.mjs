// Screening a 100,000-person registry, side by side: the command line (`evaluate`, native) on
// JSON Lines and CSV, with compact and full answers, and the screening page in headless Chromium
// (the same screening compiled to wasm, in a web worker), with throughput and peak memory; then
// the memory a 200 MB line without a newline costs. Run by scripts/bench (which builds first).
//   node scripts/bench.mjs [ROWS]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { registry } from './registry.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rows = Number(process.argv[2] || 100_000);
const dir = path.join(root, 'target', 'bench');
fs.mkdirSync(dir, { recursive: true });
const evaluate = path.join(root, 'target', 'native', 'evaluate');
const csv = path.join(dir, 'registry.csv');
const jsonl = path.join(dir, 'registry.jsonl');
fs.writeFileSync(csv, registry(rows, 'csv'));
fs.writeFileSync(jsonl, registry(rows, 'jsonl'));

/** Runs a shell command under /usr/bin/time: [seconds, peak resident memory in MB, stderr]. */
function timed(script) {
  const out = execFileSync('bash', ['-c', `/usr/bin/time -f 'TIME %e %M' bash -c ${JSON.stringify(script)} 2>&1 >/dev/null || true`], { cwd: dir, maxBuffer: 1 << 26 }).toString();
  const m = out.match(/TIME ([\d.]+) (\d+)/);
  if (!m) throw new Error(`bench: no timing for ${script}:\n${out}`);
  return [Number(m[1]), Number(m[2]) / 1024, out];
}

const table = [];
const add = (what, households, seconds, memory, note = '') => table.push([what, households ? Math.round(households / seconds).toLocaleString('en') : '–', seconds.toFixed(2), memory, note]);
const size = (f) => `${(fs.statSync(f).size / 1e6).toFixed(0)} MB out`;

// Native: the real command line, reading the file and writing to a file on disk.
// Answers go to a file (written beside its name, synced to disk and renamed, as always).
const native = [
  ['native JSONL → compact JSONL', `"${evaluate}" --batch --compact --out out.jsonl registry.jsonl`, 'out.jsonl'],
  ['native JSONL → full JSONL (screening answers)', `"${evaluate}" --batch --out out.jsonl registry.jsonl`, 'out.jsonl'],
  ['native CSV → result CSV', `"${evaluate}" --batch registry.csv --out out.csv`, 'out.csv'],
  ['native CSV → compact JSONL', `"${evaluate}" --batch --compact registry.csv --out out.jsonl`, 'out.jsonl'],
];
for (const [what, cmd, out] of native) {
  const [s, mb] = timed(cmd);
  add(what, rows, s, `${mb.toFixed(1)} MB RSS`, size(path.join(dir, out)));
  fs.rmSync(path.join(dir, out), { force: true });
}

// The browser: the screening page served by nginx as in the end-to-end tests.
const port = 8094;
const nginx = spawn(path.join(root, 'scripts', 'e2e-nginx'), [], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/screen.html`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  // A browser server, to know its process (and so its renderers' memory).
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const browserPid = String(server.process().pid);
  const browser = await chromium.connect(server.wsEndpoint());
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/screen.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.setInputFiles('#file', csv);
  await page.locator('#start').click();
  await page.locator('#results-title').waitFor({ timeout: 600_000 });
  const d = await page.evaluate(() => ({ ...document.body.dataset, heap: performance.memory?.usedJSHeapSize || 0 }));
  // Peak resident memory of this browser's renderer processes (page and worker), from /proc.
  const parent = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try { parent.set(pid, fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]); } catch { /* gone */ }
  }
  const mine = (pid) => { for (let p = pid; p && p !== '0' && p !== '1'; p = parent.get(p)) if (p === browserPid) return true; return false; };
  let renderer = 0;
  for (const pid of parent.keys()) {
    try {
      if (!mine(pid) || !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
      if (hwm) renderer = Math.max(renderer, Number(hwm[1]) / 1024);
    } catch { /* gone */ }
  }
  await browser.close();
  await server.close();
  add(`browser CSV → result CSV (wasm in a web worker, ${rows.toLocaleString('en')} rows)`, rows, Number(d.screenMs) / 1000,
    `${(Number(d.wasmMemory) / 1048576).toFixed(0)} MB wasm, ${renderer.toFixed(0)} MB renderer RSS`, `${(Number(d.csvBytes) / 1e6).toFixed(0)} MB out`);
} finally {
  nginx.kill();
}

// A bad line of 200 MB: reported and skipped; memory stays at the 1 MB line limit.
{
  const [s, mb, out] = timed(`head -c 200000000 /dev/zero | tr '\\0' x | "${evaluate}" --lang en --batch -`);
  add('native JSONL, one 200 MB line (reported, skipped)', 0, s, `${mb.toFixed(1)} MB RSS`, out.includes('over the limit') ? 'line reported' : 'NOT REPORTED');
  const [s2, mb2, out2] = timed(`(printf '地区,编号\\r\\ndalad,"'; head -c 200000000 /dev/zero | tr '\\0' x; printf '"\\r\\n') | "${evaluate}" --lang en --csv --batch -`);
  add('native CSV, one 200 MB row (reported, skipped)', 0, s2, `${mb2.toFixed(1)} MB RSS`, out2.includes('over the limit') ? 'row reported' : 'NOT REPORTED');
}

const widths = [58, 14, 8, 34, 14];
const line = (cells) => cells.map((c, i) => (i === 0 || i === 3 || i === 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`\nscreening ${rows.toLocaleString('en')} households (one core each; ${fs.statSync(csv).size.toLocaleString('en')} bytes of CSV, ${fs.statSync(jsonl).size.toLocaleString('en')} of JSONL; load average ${load}):`);
console.log(line(['', 'households/s', 'seconds', 'peak memory', 'output']));
for (const r of table) console.log(line(r));
