// The staff's screening page (screen.html): a registry CSV chosen on the device is screened in a
// web worker (the same wasm rules and CSV code as `evaluate --batch`), with a moving progress
// bar, a sortable table, the bad rows, a result download, no network request, axe-clean in both
// languages and usable from the keyboard.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.mjs';
import { registry } from '../scripts/registry.mjs';

/** The page has loaded its worker and wasm. */
const ready = (page) => page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });

/** Every request the page and its workers make from now on (blob: downloads are on the device). */
function recordRequests(page) {
  const seen = [];
  page.context().on('request', (r) => seen.push(r.url()));
  return () => seen.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
}

/** Each value the progress bar takes, as it takes it. */
const watchProgress = (page) => page.evaluate(() => {
  window.progressSeen = [];
  const bar = document.getElementById('progress');
  new MutationObserver(() => window.progressSeen.push([bar.value, bar.max])).observe(bar, { attributes: true });
});

const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

test('screens 100,000 rows in the browser: progress moves, table and bad rows appear, no request is made', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/screen.html');
  await ready(page);
  const requests = recordRequests(page);
  await watchProgress(page);
  const started = Date.now();
  // A bad age every 997th row: 100 bad rows.
  await page.setInputFiles('#file', file('registry.csv', registry(100_000, 'csv', 997)));
  await page.getByRole('button', { name: '开始筛查' }).click();
  await expect(page.locator('#progress-box')).toBeVisible();
  await expect(page.locator('#results-title')).toBeVisible({ timeout: 200_000 });
  const seconds = (Date.now() - started) / 1000;
  await expect(page.locator('#results-title')).toBeFocused();
  const progress = await page.evaluate(() => window.progressSeen);
  const between = new Set(progress.filter(([v, max]) => v > 0 && v < max).map(([v]) => v));
  expect(between.size, 'the progress bar moves through intermediate values').toBeGreaterThanOrEqual(5);
  await expect(page.locator('#summary')).toContainText('共读取 100,000 行');
  await expect(page.locator('#summary')).toContainText('99,900 人已测算，100 行有问题');
  await expect(page.locator('#people tbody tr')).toHaveCount(100);
  await expect(page.locator('#table-note')).toContainText('显示前 100 人（共 99,900 人）');
  // The bad rows: row (as Excel numbers it), column and problem.
  const first = page.locator('#bad tbody tr').first();
  await expect(first.locator('td').nth(0)).toHaveText('998');
  await expect(first.locator('td').nth(1)).toHaveText('年龄');
  await expect(first.locator('td').nth(2)).toHaveText('应为 0 到 120 之间的整数（填的是“四十”）');
  await expect(page.locator('#bad tbody tr')).toHaveCount(100);
  // Sorted by yearly cash, largest first.
  const yearly = await page.locator('#people tbody tr td:nth-child(6)').allTextContents();
  const values = yearly.map((v) => Number(v.replace(/,/g, '') || 0));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(values[0]).toBeGreaterThan(0);
  await expect(page.locator('#download')).toHaveAttribute('href', /^blob:/);
  expect(requests(), 'nothing leaves the device').toEqual([]);
  const memory = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  console.log(`screening page: 100,000 rows in ${seconds.toFixed(1)} s (${Math.round(100_000 / seconds)} rows/s), page JS heap ${(memory / 1e6).toFixed(0)} MB`);
});

test('bad rows, filter, sorting, download and a GBK file, from the keyboard, with no request', async ({ page }) => {
  await page.goto('/screen.html');
  await ready(page);
  const requests = recordRequests(page);
  await page.setInputFiles('#file', file('registry.csv', registry(1000, 'csv', 100)));
  // Keyboard: from the file choice to the start button.
  await page.locator('#file').focus();
  await page.keyboard.press('Tab'); // place
  await expect(page.locator('#place')).toBeFocused();
  await page.keyboard.press('Tab'); // id column
  await page.keyboard.press('Tab'); // start
  await expect(page.locator('#start')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results-title')).toBeFocused({ timeout: 30_000 });
  await expect(page.locator('#summary')).toContainText('990 人已测算，10 行有问题');
  await expect(page.locator('#bad tbody tr')).toHaveCount(10);
  // Sort by row with the keyboard: Tab to the sort buttons.
  const rowButton = page.locator('#people th[data-sort="row"] button');
  await rowButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#people th[data-sort="row"]')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('#people tbody tr').first().locator('td').first()).toHaveText('2');
  await page.keyboard.press('Enter');
  await expect(page.locator('#people th[data-sort="row"]')).toHaveAttribute('aria-sort', 'descending');
  // Row 1,001 (the 1,000th person) has a bad age: the last in the table is row 1,000.
  await expect(page.locator('#people tbody tr').first().locator('td').first()).toHaveText('1,000');
  // Filter by a benefit that not everyone may be missing: the table has only those people.
  const filter = page.locator('#filter');
  const options = await filter.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const [choice, label] = options.find(([v, text]) => v && Number(text.match(/（(\d+)）$/)[1]) < 990);
  const count = Number(label.match(/（(\d+)）$/)[1]);
  await filter.focus();
  await filter.selectOption(choice);
  await expect(page.locator('#table-note')).toContainText(`共 ${count.toLocaleString('zh-CN')} 人`);
  await expect(page.locator('#people tbody tr')).toHaveCount(Math.min(count, 100));
  // The download: a CSV for Excel (byte-order mark), made on the device.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  expect(download.suggestedFilename()).toBe('筛查结果.csv');
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('行号,编号,政策,状态,金额,金额（元）,还需了解,办理地点');
  expect(lines[1]).toMatch(/^2,R0000001,/);
  // A GBK file as Excel on Chinese Windows writes it.
  const gbk = Buffer.from('b5d8c7f82cb1e0bac52cc4eac1e42cb2d0bcb2c0e0b1f0bacdb5c8bcb62cb3d6d3d0b2d0bcb2c8cbd6a40d0ad2c1bdf0bbf4c2e5c6ec2cbcd7312c34352cd6abcce5b2d0bcb23a312ccac70d0ab6abbad3c7f82cd2d2322ccbc4caae2cd6c7c1a6b2d0bcb23a322ccac70d0a', 'hex');
  await page.setInputFiles('#file', file('gbk.csv', gbk));
  await page.locator('#start').click();
  await expect(page.locator('#summary')).toContainText('文件编码 GB18030/GBK', { timeout: 30_000 });
  await expect(page.locator('#summary')).toContainText('1 人已测算，1 行有问题');
  await expect(page.locator('#people tbody tr').first()).toContainText('甲1');
  await expect(page.locator('#people tbody tr').first()).toContainText('伊金霍洛旗');
  await expect(page.locator('#bad tbody tr').first()).toContainText('填的是“四十”');
  expect(requests()).toEqual([]);
});

test('a file that cannot be screened says why', async ({ page }) => {
  await page.goto('/screen.html');
  await ready(page);
  await page.setInputFiles('#file', file('names.csv', '姓名,电话,年龄\r\n张三,123,45\r\n'));
  await page.locator('#start').click();
  await expect(page.locator('#problem')).toBeFocused();
  await expect(page.locator('#problem')).toContainText('有不认识的列：“姓名”、“电话”');
  await page.locator('#start').click();
  // Without a file.
  await page.setInputFiles('#file', []);
  await page.locator('#start').click();
  await expect(page.locator('#problem')).toContainText('请先选择名册文件');
});

test('axe finds nothing in Chinese and English, before and after a screening; the language switch re-screens', async ({ page }) => {
  await page.goto('/screen.html');
  await ready(page);
  await expectNoAxeViolations(page, 'screening page (zh)');
  await page.setInputFiles('#file', file('registry.csv', registry(300, 'csv', 50)));
  await page.locator('#start').click();
  await expect(page.locator('#results-title')).toBeFocused({ timeout: 30_000 });
  await page.locator('.columns-help summary').click();
  await expectNoAxeViolations(page, 'screening results (zh)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Registry screening: who may be missing out');
  // The finished screening again, in English (its messages and result file too).
  await expect(page.locator('#summary')).toContainText('294 people screened, 6 rows with problems', { timeout: 30_000 });
  await expect(page.locator('#bad tbody tr').first()).toContainText('must be a whole number from 0 to 120');
  await expect(page.locator('#download')).toHaveAttribute('download', 'screening-result.csv');
  await expectNoAxeViolations(page, 'screening results (en)');
  await page.goto('/screen.html?lang=en');
  await ready(page);
  await expectNoAxeViolations(page, 'screening page (en)');
});

test('the residents\' service worker does not take over the screening page', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  await page.goto('/screen.html');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('名册筛查：找出可能漏享政策的人');
});
