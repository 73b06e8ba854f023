// The screening page (screen.html): staff choose a registry CSV; a web worker runs the same
// screening as `evaluate --batch` (src/screen compiled to wasm) on it, slice by slice, so the page
// stays responsive. Nothing leaves the device: the file is read here, and the result is a
// download made on the device (a blob: address). scripts/build.mjs fills in the worker's name.

const WORKER = new URL('{{WORKER}}', import.meta.url);
const TABLE_ROWS = 100;
const BAD_ROWS = 200;

const T = {
  zh: {
    skip: '跳到主要内容', brand: '名册筛查 · 政策找人', switch: 'English', title: '名册筛查：找出可能漏享政策的人',
    lede: '选择从 Excel 另存的名册 CSV 文件，每行一个人。本页用和测算工具相同的规则，逐人测算，列出可能符合而还没有享受的政策，并给出可在 Excel 中打开的结果文件。',
    privacy: '文件只在这台电脑上读取和计算，不会上传，也不会发送到任何地方。',
    problemTitle: '无法筛查这个文件', file: '名册文件（CSV）',
    fileHint: '在 Excel 中选“另存为”→“CSV（逗号分隔）”或“CSV UTF-8”。第一行是列名：可以用事实的中文名称（如“年龄”“残疾类别和等级”）或 JSON 路径（如 applicant.age），见下面的“可以用的列”。',
    place: '地区', placeHint: '文件里没有“地区”列，或某一行没填地区时，按这个地区测算。', placeNone: '按文件里的“地区”列',
    idcol: '编号列的列名（可不填）', idcolHint: '这一列的内容会带到结果里，方便对回名册。不填时用名为“编号”或“id”的列。',
    start: '开始筛查', loading: '正在准备……', ready: '已准备好，请选择文件。', progressTitle: '筛查进度',
    resultsTitle: '筛查结果', download: '下载结果（CSV，可用 Excel 打开）', tableTitle: '可能漏享政策最多的人',
    tableHint: '“每年现金”是很可能符合、按年发放、写明金额的现金补贴之和；点列名可以排序。',
    filter: '只看某项政策', filterAll: '全部政策', tableCaption: '可能漏享政策的人', colRow: '行号', colId: '编号', colPlace: '地区',
    colLikely: '很可能符合', colPossible: '可能符合', colYearly: '每年现金（元）', colBenefits: '政策', colMissing: '还需了解',
    badTitle: '有问题的行', badCaption: '有问题的行：行号、列和问题', colColumn: '列', colProblem: '问题',
    columnsTitle: '可以用的列', columnsSummary: '查看列名和可以填的内容',
    columnsIntro: '列名可以用中文名称或 JSON 路径，顺序随意；空格子表示“不知道”。另外可以有“地区”（jurisdiction）、“测算日期”（as_of，默认今天）和“编号”（id）列。是/否 的列填“是”或“否”；多项用分号隔开。',
    columnsCaption: '可以用的列', colName: '中文列名', colPath: 'JSON 路径', colMeaning: '含义', colValues: '可以填',
    footer: '规则与居民使用的测算工具相同，结果仅供参考，以经办部门审核为准。', home: '残疾人福利测算（居民使用）',
    noFile: '请先选择名册文件。', failed: '筛查没有完成：', workerFailed: '本页的计算程序无法启动，请刷新页面再试。',
    progress: (p) => `已读取 ${mb(p.done)} / ${mb(p.total)} MB，已测算 ${n(p.people)} 人，${n(p.bad)} 行有问题`,
    started: '开始筛查。', finished: (d) => `筛查完成：${n(d.people)} 人已测算，${n(d.bad)} 行有问题。`,
    summary: (d) => `共读取 ${n(d.rows)} 行（文件编码 ${d.charset || 'UTF-8'}）：${n(d.people)} 人已测算，${n(d.bad)} 行有问题。结果文件共 ${n(d.csvRows)} 行（每人每项很可能或可能符合的政策一行），用时 ${(d.ms / 1000).toFixed(1)} 秒。`,
    excel: (d) => `结果有 ${n(d.csvRows)} 行，超过 Excel 一张工作表 1,048,576 行的上限，Excel 只能打开前面的部分。请按地区分开筛查，或在名册里补上更多列。`,
    tableNote: (t, shown) => (t.matching > shown ? `显示前 ${n(shown)} 人（共 ${n(t.matching)} 人），完整结果在下载的文件里。` : `共 ${n(t.matching)} 人。`),
    badNone: '没有有问题的行。', badNote: (all, shown) => (all > shown ? `共 ${n(all)} 行有问题，这里列出前 ${n(shown)} 条。` : `共 ${n(all)} 行有问题。`),
    andMore: (k) => ` 等 ${k} 项`, sep: '、', file_name: '筛查结果.csv', count: (b) => `${b.name}（${b.likely + b.possible}）`,
  },
  en: {
    skip: 'Skip to main content', brand: 'Registry screening', switch: '中文', title: 'Registry screening: who may be missing out',
    lede: 'Choose a registry saved from Excel as CSV, one person per row. This page applies the same rules as the calculator to each person, lists the benefits they may qualify for but may not have, and gives you a result file that opens in Excel.',
    privacy: 'The file is read and screened on this computer only. It is not uploaded or sent anywhere.',
    problemTitle: 'This file cannot be screened', file: 'Registry file (CSV)',
    fileHint: 'In Excel choose “Save as” → “CSV (comma delimited)” or “CSV UTF-8”. The first row names the columns: the facts’ Chinese labels (such as 年龄) or JSON paths (such as applicant.age); see “Columns you can use” below.',
    place: 'Place', placeHint: 'Used when the file has no place column (地区), or a row leaves it empty.', placeNone: 'From the file’s place column',
    idcol: 'Name of the id column (optional)', idcolHint: 'Its values are carried to the result so you can match people back to the registry. Default: a column named 编号 or id.',
    start: 'Start screening', loading: 'Getting ready…', ready: 'Ready: choose a file.', progressTitle: 'Progress',
    resultsTitle: 'Results', download: 'Download the result (CSV, opens in Excel)', tableTitle: 'Who may be missing the most',
    tableHint: '“Yearly cash” adds up the likely cash benefits paid yearly with a stated amount. Select a column name to sort.',
    filter: 'Show one benefit only', filterAll: 'All benefits', tableCaption: 'People who may be missing out', colRow: 'Row', colId: 'Id', colPlace: 'Place',
    colLikely: 'Likely', colPossible: 'Possible', colYearly: 'Yearly cash (yuan)', colBenefits: 'Benefits', colMissing: 'Still to find out',
    badTitle: 'Rows with problems', badCaption: 'Rows with problems: row, column and problem', colColumn: 'Column', colProblem: 'Problem',
    columnsTitle: 'Columns you can use', columnsSummary: 'See the column names and what to fill in',
    columnsIntro: 'Name columns by their Chinese label or JSON path, in any order; an empty cell means “not known”. There may also be a place column (地区 or jurisdiction), a date (测算日期 or as_of; default today) and an id column (编号 or id). Yes/no columns take 是 or 否; separate several items with semicolons.',
    columnsCaption: 'Columns you can use', colName: 'Chinese column name', colPath: 'JSON path', colMeaning: 'Meaning', colValues: 'Values',
    footer: 'The rules are those of the residents’ calculator. Results are a guide; the office decides.', home: 'Disability benefits check (for residents)',
    noFile: 'Choose the registry file first.', failed: 'The screening did not finish: ', workerFailed: 'The page’s screening program could not start. Reload the page and try again.',
    progress: (p) => `Read ${mb(p.done)} of ${mb(p.total)} MB; ${n(p.people)} people screened, ${n(p.bad)} rows with problems`,
    started: 'Screening started.', finished: (d) => `Screening finished: ${n(d.people)} people screened, ${n(d.bad)} rows with problems.`,
    summary: (d) => `${n(d.rows)} rows read (encoding ${d.charset || 'UTF-8'}): ${n(d.people)} people screened, ${n(d.bad)} rows with problems. The result file has ${n(d.csvRows)} rows (one per person and benefit that is likely or possible). Took ${(d.ms / 1000).toFixed(1)} s.`,
    excel: (d) => `The result has ${n(d.csvRows)} rows, more than an Excel sheet holds (1,048,576): Excel opens only the first part. Screen each place separately, or add more columns to the registry.`,
    tableNote: (t, shown) => (t.matching > shown ? `Showing the first ${n(shown)} of ${n(t.matching)} people; the download has everyone.` : `${n(t.matching)} people.`),
    badNone: 'No rows with problems.', badNote: (all, shown) => (all > shown ? `${n(all)} rows with problems; the first ${n(shown)} are listed.` : `${n(all)} rows with problems.`),
    andMore: (k) => ` and ${k} more`, sep: '; ', file_name: 'screening-result.csv', count: (b) => `${b.name} (${b.likely + b.possible})`,
  },
};

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const t = () => T[lang];
const n = (x) => Number(x).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
const mb = (bytes) => (bytes / 1e6).toFixed(1);

let worker = null;
let ready = false;
let meta = null; // places and columns in both languages
let sort = { key: 'yearly', ascending: false };
let last = null; // the last finished screening: { file, done, csvUrl }
let running = false;

function setText() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-t]')) {
    const v = t()[el.dataset.t];
    if (typeof v === 'string') el.textContent = v;
  }
  $('lang').setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
  document.title = lang === 'zh' ? '名册筛查（政策找人）· 残疾人福利测算' : 'Registry screening · Disability benefits check';
  $('loading').textContent = ready ? t().ready : t().loading;
  if (meta) fillChoices();
  setSortState();
}

function fillChoices() {
  const select = $('place');
  const keep = select.value;
  select.replaceChildren(option('', t().placeNone));
  for (const p of meta.places[lang]) select.append(option(p.id, p.name));
  select.value = keep;
  const body = $('columns').tBodies[0];
  body.replaceChildren(...meta.columns[lang].map((c) => row([c.label, c.path, c.meaning, c.values])));
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function row(cells, numeric = [], nowrap = []) {
  const tr = document.createElement('tr');
  cells.forEach((c, i) => {
    const td = document.createElement('td');
    td.textContent = c;
    if (numeric.includes(i)) td.className = 'num';
    else if (nowrap.includes(i)) td.className = 'nowrap';
    tr.append(td);
  });
  return tr;
}

function setSortState() {
  for (const th of $('people').tHead.rows[0].cells) {
    if (!th.dataset.sort) continue;
    if (th.dataset.sort === sort.key) th.setAttribute('aria-sort', sort.ascending ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
}

function showProblem(text) {
  $('problem-text').textContent = text;
  $('problem').hidden = false;
  $('problem').focus();
}

function startWorker() {
  worker = new Worker(WORKER, { type: 'module' });
  worker.onmessage = (e) => handle(e.data);
  worker.onerror = () => {
    running = false;
    $('start').disabled = true;
    showProblem(t().workerFailed);
  };
}

function handle(m) {
  if (m.type === 'ready') {
    ready = true;
    meta = m;
    $('file').disabled = false;
    $('start').disabled = false;
    fillChoices();
    $('loading').textContent = t().ready;
    document.body.dataset.ready = 'true';
  } else if (m.type === 'progress') {
    $('progress').max = Math.max(m.total, 1);
    $('progress').value = m.done;
    $('progress-text').textContent = t().progress(m);
  } else if (m.type === 'error') {
    running = false;
    $('start').disabled = false;
    $('progress-box').hidden = true;
    $('announce').textContent = '';
    showProblem(t().failed + m.message);
  } else if (m.type === 'done') {
    running = false;
    $('start').disabled = false;
    $('progress').value = $('progress').max;
    $('announce').textContent = t().finished(m);
    if (last?.csvUrl) URL.revokeObjectURL(last.csvUrl);
    last = { ...last, done: m, csvUrl: URL.createObjectURL(m.csv) };
    // The figures, for scripts/bench (time in ms, bytes).
    Object.assign(document.body.dataset, { screenMs: Math.round(m.ms), wasmMemory: m.wasmMemory, csvBytes: m.csvBytes });
    showResults();
    // The language was switched while it ran: once more, in the page's language.
    if (last.lang !== lang) screen(last.file);
  } else if (m.type === 'table') {
    showTable(m.table);
  }
}

function showResults() {
  const d = last.done;
  $('summary').textContent = t().summary(d);
  $('excel-note').hidden = d.csvRows < 1048576;
  $('excel-note').textContent = d.csvRows < 1048576 ? '' : t().excel(d);
  const a = $('download');
  a.href = last.csvUrl;
  a.download = t().file_name;
  const filter = $('filter');
  const keep = filter.value;
  filter.replaceChildren(option('', t().filterAll), ...d.benefits.map((b) => option(b.id, t().count(b))));
  filter.value = d.benefits.some((b) => b.id === keep) ? keep : '';
  showTable(d.table);
  const bad = d.badList.slice(0, BAD_ROWS);
  $('bad').tBodies[0].replaceChildren(...bad.map((b) => row([n(b.row), b.column, b.problem], [0])));
  $('bad-wrap').hidden = bad.length === 0;
  $('bad-note').textContent = d.bad === 0 ? t().badNone : t().badNote(d.bad, bad.length);
  $('results').hidden = false;
  $('results-title').focus();
}

function showTable(table) {
  const sep = t().sep;
  const list = (items, k) => items.slice(0, k).join(sep) + (items.length > k ? t().andMore(items.length - k) : '');
  $('people').tBodies[0].replaceChildren(...table.rows.map((r) => row([
    n(r.row), r.id, r.place, n(r.likely), n(r.possible), r.yearly ? n(r.yearly) : '', list(r.benefits, 4), list(r.missing, 4),
  ], [0, 3, 4, 5], [1])));
  $('table-note').textContent = t().tableNote(table, table.rows.length);
}

function askTable() {
  if (!last?.done) return;
  worker.postMessage({ type: 'table', benefit: $('filter').value, sort: sort.key, ascending: sort.ascending, limit: TABLE_ROWS, lang });
}

function screen(file) {
  $('problem').hidden = true;
  running = true;
  $('start').disabled = true;
  $('results').hidden = true;
  $('progress-box').hidden = false;
  $('progress').value = 0;
  $('progress-text').textContent = '';
  $('announce').textContent = t().started;
  last = { file, lang };
  worker.postMessage({ type: 'screen', file, lang, place: $('place').value, idColumn: $('idcol').value, now: Date.now() / 1000, limit: TABLE_ROWS, sort: sort.key, ascending: sort.ascending });
}

$('form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!ready || running) return;
  const file = $('file').files[0];
  if (!file) {
    showProblem(t().noFile);
    return;
  }
  screen(file);
});

$('filter').addEventListener('change', askTable);

for (const th of $('people').tHead.rows[0].cells) {
  const key = th.dataset.sort;
  if (!key) continue;
  th.querySelector('button').addEventListener('click', () => {
    sort = { key, ascending: sort.key === key ? !sort.ascending : key === 'row' || key === 'id' };
    setSortState();
    askTable();
  });
}

// The other language: every text on the page, and a finished screening again (its result file
// and messages are in the language it was made in).
$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  setText();
  if (last?.done && !running) screen(last.file);
});

setText();
startWorker();
