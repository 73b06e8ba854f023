// Release build of the web app into dist/: cargo -> wasm-bindgen -> wasm-opt -Oz --converge -> content-hashed
// file names -> index.html filled in (CSP hashes, preload links) -> service worker precache list ->
// precompressed .gz and .br beside every text and wasm file. Prints what it wrote.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { transformSync } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'target', 'web');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root });
const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 10);
// Scripts and the style sheet are minified (whitespace, comments, local names): the wasm-bindgen
// glue 2 KB less gzip, the style sheet 0.5 KB, the service worker 0.4 KB. Same code, same rules.
const minify = (code, loader) => transformSync(code, { loader, minify: true, ...(loader === 'js' ? { format: 'esm' } : {}) }).code;

// Cargo's messages name the build script's output folder, where build.rs wrote the policy texts.
// The app is built with its question and later pages split off (feature `split`, src/ui/split.rs):
// the linker keeps its relocations (--emit-relocs) so wasm-split-cli can cut the module in parts.
const messages = execFileSync('cargo', ['rustc', '--release', '--lib', '--target', 'wasm32-unknown-unknown',
  '--crate-type', 'cdylib', '--features', 'split', '--message-format=json-render-diagnostics', '--',
  '-C', 'link-arg=--emit-relocs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 }).toString();
let outDir = null;
for (const line of messages.split('\n')) {
  if (!line.startsWith('{')) continue;
  const m = JSON.parse(line);
  if (m.reason === 'build-script-executed' && m.package_id.includes('benefits')) outDir = m.out_dir;
}
if (!outDir) throw new Error('build: cargo did not report the build script output folder');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
// Main module (app.wasm), the questions' and the later pages' code (split_questions.wasm,
// split_later.wasm), the code both use (chunk_N.wasm, fetched with either) and the loader that
// fetches them (__wasm_split.js, which takes the main module's memory and table from the glue's initSync).
const split = path.join(out, 'split');
run('wasm-split-cli', ['target/wasm32-unknown-unknown/release/benefits.wasm', split, '--target', 'web', '--out-name', 'app']);
const chunks = fs.readdirSync(split).filter((n) => n.endsWith('.wasm') && n !== 'app.wasm');
if (chunks.length === 0) throw new Error('build: wasm-split-cli wrote no split-off code');
// --keep-lld-exports: the loader needs the function table the main module exports.
run('wasm-bindgen', [path.join(split, 'app.wasm'), '--out-dir', out, '--target', 'web', '--no-typescript',
  '--out-name', 'app', '--keep-lld-exports']);
// --low-memory-unused: Rust's wasm keeps its stack in low memory growing down from 1 MB, so
// addresses below 1024 are never used and loads/stores can fold their offsets (1.5 KB less gzip);
// merging duplicate and near-identical functions (differing only in constants) and dropping dead
// arguments before -Oz: 1.2 KB less; --converge repeats -Oz until nothing shrinks.
const wasmOpt = (from, to) => run(path.join(root, 'node_modules', '.bin', 'wasm-opt'),
  ['--low-memory-unused', '--duplicate-function-elimination', '--merge-similar-functions', '--dae-optimizing',
    '-Oz', '--converge', from, '-o', path.join(out, to)]);
wasmOpt(path.join(out, 'app_bg.wasm'), 'app_opt.wasm');
for (const c of chunks) wasmOpt(path.join(split, c), c.replace('.wasm', '_opt.wasm'));

// The screening page's wasm (screen.html): the same crate with the `screen` feature (the registry
// screening of src/screen and every place's rules and texts compiled in; no residents' app), run
// in a web worker. Built after the app's wasm has been through wasm-bindgen (both are benefits.wasm).
execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--features', 'screen', '--quiet'],
  { cwd: root, stdio: 'inherit' });
run('wasm-bindgen', ['target/wasm32-unknown-unknown/release/benefits.wasm', '--out-dir', out,
  '--target', 'web', '--no-typescript', '--out-name', 'screen']);
wasmOpt(path.join(out, 'screen_bg.wasm'), 'screen_opt.wasm');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist);

const written = [];
const emit = (name, data) => {
  fs.writeFileSync(path.join(dist, name), data);
  written.push(name);
  return name;
};

const wasm = fs.readFileSync(path.join(out, 'app_opt.wasm'));
const wasmName = emit(`app.${hash(wasm)}.wasm`, wasm);
// The split-off wasm files, fetched by the loader when first needed (not part of the first load).
let loader = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');
for (const c of chunks) {
  const data = fs.readFileSync(path.join(out, c.replace('.wasm', '_opt.wasm')));
  const name = emit(`${c.replace(/^split_/, '').replace('.wasm', '')}.${hash(data)}.wasm`, data);
  if (!loader.includes(`"./${c}"`)) throw new Error(`build: the split loader does not name ${c}`);
  loader = loader.replaceAll(`"./${c}"`, JSON.stringify(`./${name}`));
}
// The glue and the loader import each other: the loader's name is a hash of its text before it
// names the glue, then the glue (naming the loader) is hashed, then the loader gets the glue's name.
if (!loader.includes('from "./app.js"')) throw new Error('build: the split loader does not import ./app.js');
const loaderName = `split.${hash(loader)}.js`;
// The glue starts the app itself, so index.html needs no inline script.
const glueText = fs.readFileSync(path.join(out, 'app.js'), 'utf8');
// (Only the import statement: the wasm's own import module name, a key in the glue, stays.)
if (!glueText.includes('from "./__wasm_split.js"')) throw new Error('build: the glue does not import the split loader');
const glue = minify(glueText.replaceAll('from "./__wasm_split.js"', `from ${JSON.stringify(`./${loaderName}`)}`) +
  `\n__wbg_init({ module_or_path: new URL(${JSON.stringify(wasmName)}, import.meta.url) });\n`, 'js');
const jsName = emit(`app.${hash(glue)}.js`, glue);
emit(loaderName, minify(loader.replaceAll('from "./app.js"', `from ${JSON.stringify(`./${jsName}`)}`), 'js'));
// The page paints its start screen first; only then does the app (JS glue and wasm) load.
const boot = `// Load the app after the first paint: the start screen is already in the page.\n` +
  `requestAnimationFrame(() => requestAnimationFrame(() => import(${JSON.stringify('./' + jsName)})));\n`;
const bootName = emit(`boot.${hash(boot)}.js`, boot);
const css = minify(fs.readFileSync(path.join(root, 'public', 'style.css'), 'utf8'), 'css');
const cssName = emit(`style.${hash(css)}.css`, css);

// Each place's rules, and its texts per language, fetched when the place is chosen (hashed by build.rs).
for (const f of fs.readdirSync(outDir)) {
  if (/^(texts-.*\.txt|rules-.*\.bin)$/.test(f)) emit(f, fs.readFileSync(path.join(outDir, f)));
}

// Other public files keep their names (icon, manifest); the service worker is written last.
for (const f of fs.readdirSync(path.join(root, 'public'))) {
  if (f === 'style.css' || f === 'sw.js') continue;
  emit(f, fs.readFileSync(path.join(root, 'public', f)));
}

// The start page, rendered by the same Rust code the app uses, so it shows before the wasm loads.
const prerender = (args) => execFileSync('cargo', ['run', '--quiet', '--profile', 'native', '--bin', 'prerender', '--', ...args],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();
let html = fs.readFileSync(path.join(root, 'index.html'), 'utf8')
  .replace('{{START}}', () => prerender([]))
  .replace('{{TITLE}}', () => prerender(['--title']))
  .replace('{{CSP}}', () => fs.readFileSync(path.join(root, 'deploy', 'csp.txt'), 'utf8').trim())
  .replaceAll('{{CSS}}', cssName)
  .replaceAll('{{BOOT}}', bootName)
  .replaceAll('{{WASM}}', wasmName);
for (const m of html.matchAll(/\{\{[A-Z_]+\}\}/g)) throw new Error(`index.html: unfilled ${m[0]}`);
emit('index.html', html);

// The screening page for staff: its own page, script, worker and wasm, loaded only there. Not in
// the service worker's precache (residents would download it) and not part of the first load.
const screenFiles = [];
const emitScreen = (name, data) => {
  fs.writeFileSync(path.join(dist, name), data);
  screenFiles.push(name);
  return name;
};
{
  const wasm = fs.readFileSync(path.join(out, 'screen_opt.wasm'));
  const wasmName = emitScreen(`screen.${hash(wasm)}.wasm`, wasm);
  const worker = fs.readFileSync(path.join(out, 'screen.js'), 'utf8') +
    `\nconst WASM = ${JSON.stringify(wasmName)};\n` + fs.readFileSync(path.join(root, 'screen', 'worker.js'), 'utf8');
  const workerName = emitScreen(`screen-worker.${hash(worker)}.js`, worker);
  const page = fs.readFileSync(path.join(root, 'screen', 'screen.js'), 'utf8').replace('{{WORKER}}', `./${workerName}`);
  const pageName = emitScreen(`screen.${hash(page)}.js`, page);
  const css = fs.readFileSync(path.join(root, 'screen', 'screen.css'));
  const screenCss = emitScreen(`screen.${hash(css)}.css`, css);
  const html = fs.readFileSync(path.join(root, 'screen', 'screen.html'), 'utf8')
    .replace('{{CSP}}', () => fs.readFileSync(path.join(root, 'deploy', 'csp.txt'), 'utf8').trim())
    .replaceAll('{{CSS}}', cssName)
    .replaceAll('{{SCREEN_CSS}}', screenCss)
    .replaceAll('{{SCRIPT}}', pageName);
  for (const m of html.matchAll(/\{\{[A-Z_]+\}\}/g)) throw new Error(`screen.html: unfilled ${m[0]}`);
  emitScreen('screen.html', html);
}

// The service worker precaches every file of this build; its version is a hash of them all.
const all = [...written].sort();
const version = hash(Buffer.concat(all.map((n) => fs.readFileSync(path.join(dist, n)))));
const sw = fs.readFileSync(path.join(root, 'public', 'sw.js'), 'utf8')
  .replace('{{VERSION}}', version)
  .replace('{{FILES}}', JSON.stringify(['./', ...all.map((n) => `./${n}`)]));
emit('sw.js', minify(sw, 'js'));

// Precompressed copies for servers that serve them as they are (nginx gzip_static / brotli).
for (const name of [...written, ...screenFiles]) {
  if (!/\.(html|js|css|wasm|json|svg|webmanifest|txt|bin)$/.test(name)) continue;
  const data = fs.readFileSync(path.join(dist, name));
  fs.writeFileSync(path.join(dist, name + '.gz'), zlib.gzipSync(data, { level: 9 }));
  fs.writeFileSync(path.join(dist, name + '.br'), zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
}
console.log(`build: dist/ holds ${written.join(', ')} (+ .gz/.br)`);
const gz = (n) => zlib.gzipSync(fs.readFileSync(path.join(dist, n)), { level: 9 }).length;
console.log(`build: the screening page (not precached, not first load): ${screenFiles.map((n) => `${n} ${gz(n)} gzip`).join(', ')}`);
