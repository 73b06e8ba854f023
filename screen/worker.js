// The screening worker: scripts/build.mjs puts wasm-bindgen's glue for the screening wasm (the
// `screen` feature of the crate: src/screen/web.rs) in front of this file and names the wasm in
// WASM. It reads the chosen file in slices, hands each to the wasm, and tells the page how far
// it is; the result CSV comes back as a Blob made here. No network: the file is the only input.

const CHUNK = 256 * 1024;
let wasmExports = null;
const ready = __wbg_init({ module_or_path: new URL(WASM, import.meta.url) }).then((exports) => {
  wasmExports = exports;
  const both = (f) => ({ zh: JSON.parse(f('zh')), en: JSON.parse(f('en')) });
  self.postMessage({ type: 'ready', places: both(screen_places), columns: both(screen_columns) });
});

let current = null; // the last finished screening (for the table)
let run = 0; // a newer screening stops an older one

self.onmessage = async (e) => {
  await ready;
  const m = e.data;
  if (m.type === 'screen') {
    screen(m, ++run).catch((err) => self.postMessage({ type: 'error', message: String(err && err.message || err) }));
  } else if (m.type === 'table' && current) {
    self.postMessage({ type: 'table', table: JSON.parse(current.s.table(m.benefit, m.sort, m.ascending, m.limit, m.lang)) });
  }
};

async function screen(m, mine) {
  if (current) {
    current.s.free();
    current = null;
  }
  const started = performance.now();
  const s = new Screening(m.lang, m.place, m.idColumn, m.now);
  const file = m.file;
  const total = file.size;
  // The result, kept as a Blob that grows (the browser may keep a large one on disk).
  let csv = new Blob([]);
  let parts = [];
  let held = 0;
  const collect = (force) => {
    const bytes = s.take_csv();
    if (bytes.length) {
      parts.push(bytes);
      held += bytes.length;
    }
    if (force || held > 32 * 1024 * 1024) {
      csv = new Blob([csv, ...parts], { type: 'text/csv;charset=utf-8' });
      parts = [];
      held = 0;
    }
  };
  const stop = () => {
    self.postMessage({ type: 'error', message: s.error() });
    s.free();
  };
  let done = 0;
  while (done < total) {
    const slice = new Uint8Array(await file.slice(done, done + CHUNK).arrayBuffer());
    if (mine !== run) return s.free();
    if (!s.push(slice)) return stop();
    done += slice.length;
    collect(false);
    self.postMessage({ type: 'progress', done, total, people: s.people(), bad: s.bad_rows() });
  }
  if (!s.finish()) return stop();
  collect(true);
  current = { s };
  self.postMessage({
    type: 'done', rows: s.rows(), people: s.people(), bad: s.bad_rows(), csvRows: s.csv_rows(), charset: s.charset(),
    ms: performance.now() - started, csv, csvBytes: csv.size, wasmMemory: wasmExports.memory.buffer.byteLength,
    benefits: JSON.parse(s.benefits(m.lang)), badList: JSON.parse(s.bad_list(m.lang)),
    table: JSON.parse(s.table('', m.sort, m.ascending, m.limit, m.lang)),
  });
}
