// Serving and privacy: nginx's headers (CSP, caching, MIME), no console errors under the CSP, no
// request to any other origin, nothing fetched after the first load once the service worker has
// the files, and a full journey with the network switched off.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { appReady, journey } from './helpers.mjs';

/** The first visit: the app loads and the service worker has stored this build's files. */
async function firstVisit(page) {
  await page.goto('/');
  await appReady(page);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('benefits-')));
}

test('nginx sends the security and caching headers', async ({ request }) => {
  const index = await request.get('/');
  const h = index.headers();
  expect(h['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(h['content-security-policy']).toContain("connect-src 'self'");
  expect(h['content-security-policy']).not.toContain('unsafe-inline');
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cache-control']).toBe('no-cache');
  const html = await index.text();
  const wasmName = (await (await request.get('/' + html.match(/src="([^"]*boot[^"]*)"/)[1])).text()).match(/app\.[0-9a-f]+\.js/)[0];
  const glue = await (await request.get('/' + wasmName)).text();
  const wasm = await request.get('/' + glue.match(/app\.[0-9a-f]+\.wasm/)[0], { headers: { 'Accept-Encoding': 'gzip' } });
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['content-encoding']).toBe('gzip');
  expect(wasm.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const brotli = await request.get('/' + glue.match(/app\.[0-9a-f]+\.wasm/)[0], { headers: { 'Accept-Encoding': 'br' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  const sw = await request.get('/sw.js');
  expect(sw.headers()['cache-control']).toBe('no-cache');
});

test('a journey: no console errors, no request to another origin', async ({ page }) => {
  const problems = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:')) foreign.push(r.url()); });
  await journey(page, { place: 2, answers: { disabilities: ['physical', 1], certificate: 'yes', local_hukou: 'yes', age: 45 } });
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('after the first load nothing more is fetched from the network', async ({ page, context }) => {
  await firstVisit(page);
  const fromNetwork = [];
  context.on('request', (r) => { if (!r.serviceWorker()) fromNetwork.push(r); });
  await page.reload();
  await appReady(page);
  await journey(page, { place: 1, answers: { disabilities: ['hearing', 1], age: 4, autism: 'no' } });
  const network = [];
  for (const r of fromNetwork) {
    const response = await r.response();
    if (!response || !response.fromServiceWorker()) network.push(r.url());
  }
  expect(network).toEqual([]);
});

test('offline: load once, switch the network off, reload and complete a journey', async ({ page, context }) => {
  await firstVisit(page);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await journey(page, { place: 4, answers: { disabilities: ['intellectual', 2], certificate: 'yes', age: 5, autism: 'no' } });
  await expect(page.locator('article.finding h3', { hasText: '0至6岁残疾儿童康复救助' })).toBeVisible();
});

test('a new build: its service worker takes over with a new cache, the oldest cache goes, and a page opened before keeps working', async ({ page, context }) => {
  // A copy of the build on a port of its own, so a "deploy" can change its sw.js.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'benefits-deploy-'));
  fs.cpSync('dist', root, { recursive: true });
  for (const z of ['sw.js.gz', 'sw.js.br']) fs.rmSync(path.join(root, z), { force: true });
  const port = Number(process.env.E2E_PORT || 8091) + 50;
  const server = spawn('scripts/e2e-nginx', { env: { ...process.env, PORT: String(port), DIST: root }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(async () => (await page.request.get(`${origin}/`).catch(() => null))?.status()).toBe(200);
    await page.goto(`${origin}/`);
    await appReady(page);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('benefits-')).sort());
    await expect.poll(cacheNames).toHaveLength(1);
    // The build's version, as the cache is named (the service worker's source is minified).
    const version = (await cacheNames())[0].slice('benefits-'.length);
    const original = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
    const quoted = new RegExp(`(["'])${version}\\1`);
    expect(original).toMatch(quoted);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toContain('sw.js');
    // The person has started before the update: who, where (the place's rules are fetched).
    await page.locator('a.button-start').click();
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.locator('input[name="answer"][value="2"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('form[data-form="answer"]')).toBeVisible();
    // Two deploys in turn, each with a service worker of a new version.
    for (const next of ['b', 'c']) {
      fs.writeFileSync(path.join(root, 'sw.js'), original.replace(quoted, `$1${version}${next}$1`));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await expect.poll(cacheNames).toContain(`benefits-${version}${next}`);
      await expect.poll(() => page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !r.installing && !r.waiting && r.active?.state === 'activated';
      })).toBe(true);
    }
    // The newest cache and the one before it stay; the first build's is gone.
    await expect.poll(cacheNames).toEqual([`benefits-${version}b`, `benefits-${version}c`]);
    // The page opened before the updates finishes its journey with the network off.
    await context.setOffline(true);
    for (let i = 0; i < 40; i++) {
      const form = page.locator('form[data-form="answer"]');
      if (!(await form.count())) break;
      const fact = await form.getAttribute('data-fact');
      await page.getByRole('button', { name: '不确定' }).click();
      await page.waitForFunction((f) => !document.querySelector(`form[data-fact="${f}"]`), fact);
    }
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page.locator('main h1')).toHaveText('测算结果');
    // A reload is served by the new build's cache, still offline.
    await page.reload();
    await appReady(page);
    await expect(page.locator('main h1')).toHaveText('测算结果');
  } finally {
    await context.setOffline(false);
    server.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test.describe('the app\'s code in parts (src/ui/split.rs), without a service worker', () => {
  test.use({ serviceWorkers: 'block' });
  // 东河区, a child of 5 with a grade-1 intellectual disability (as in results.spec.mjs).
  const answers = '1.J1.H1.S6a000080.QbdafgjBehzED.a41.b1.d5.e0.f0.g1.j0';
  const later = /\/later\.[0-9a-f]+\.wasm$/;
  // The questions' code, and the code it shares with the results' code (the engine).
  const questions = /\/(questions|chunk_\d+)\.[0-9a-f]+\.wasm$/;
  const file = (r) => new URL(r.url()).pathname.split('/').pop().split('.')[0];

  /** Opens `address` while the files matching `blocked` fail to download; once the failure is on
   * screen and every download has ended (the page and the place's files may both wait for the
   * code), lets them through and presses "try again". */
  async function failThenTryAgain(page, blocked, address) {
    await page.route(blocked, (route) => route.abort('internetdisconnected'));
    await page.goto(address);
    await appReady(page);
    const alert = page.locator('main [role="alert"]');
    await expect(alert).toContainText('没能加载');
    await page.waitForLoadState('networkidle');
    await expect(alert).toContainText('没能加载');
    await page.unroute(blocked);
    await alert.getByRole('button', { name: '再试一次' }).click();
  }

  test('the start page loads with neither part; leaving it fetches the questions\' code, the check page the results\'', async ({ page }) => {
    const fetched = [];
    page.on('request', (r) => { if (later.test(new URL(r.url()).pathname) || questions.test(new URL(r.url()).pathname)) fetched.push(file(r)); });
    await page.goto('/');
    await appReady(page);
    expect(fetched).toEqual([]);
    const asked = page.waitForRequest((r) => /\/questions\./.test(r.url()));
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await expect(page.locator('main h1')).toBeFocused();
    await asked;
    // Through the place and a question, the results' code is not asked for.
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('form[data-form="answer"]')).toBeVisible();
    expect(fetched.filter((f) => f === 'later')).toEqual([]);
    expect(fetched.filter((f) => f === 'questions')).toEqual(['questions']);
    const request = page.waitForRequest((r) => later.test(new URL(r.url()).pathname));
    await page.goto(`/#check/${answers}`);
    await request;
    await expect(page.locator('main h1')).toBeVisible();
  });

  test('a failed download of the results\' code says so with "try again"; pressing it brings the results', async ({ page }) => {
    await failThenTryAgain(page, later, `/#results/${answers}`);
    await expect(page.locator('article.finding').first()).toBeVisible();
    await expect(page.locator('main [role="alert"]')).toHaveCount(0);
    // Focus stays on the page (not lost to the body) when the results arrive.
    expect(await page.evaluate(() => document.activeElement !== document.body && document.querySelector('main').contains(document.activeElement))).toBe(true);
  });

  test('a failed download of the questions\' code: the check page offers "try again"; choosing a place says so and works when sent again', async ({ page }) => {
    await failThenTryAgain(page, questions, `/#check/${answers}`);
    const alert = page.locator('main [role="alert"]');
    await expect(page.locator('main h1')).toHaveText('核对您的回答');
    await expect(alert).toHaveCount(0);

    // A new visit: the place is chosen while the download fails. Nothing typed is lost, and
    // sending the answer again goes on to the first question.
    await page.route(questions, (route) => route.abort('internetdisconnected'));
    await page.goto('/#where/1.H1');
    await page.reload();
    await appReady(page);
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await expect(alert).toContainText('没能加载');
    await expect(page.locator('input[name="answer"][value="1"]')).toBeChecked();
    await page.unroute(questions);
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('form[data-form="answer"]')).toBeVisible();
    await expect(page.locator('main [role="alert"]')).toHaveCount(0);
  });
});

test.describe('the questions\' code arriving late, without a service worker', () => {
  test.use({ serviceWorkers: 'block' });
  test('a place chosen while the download started on the "who" page is still under way: the first question appears when it ends', async ({ page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked = 0;
    await page.route(/\/questions\.[0-9a-f]+\.wasm$/, async (route) => { asked += 1; await held; await route.continue(); });
    await page.goto('/');
    await appReady(page);
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await expect.poll(() => asked).toBe(1);
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await page.locator('input[name="answer"][value="1"]').check();
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.locator('main .loading')).toBeVisible();
    await expect(page).toHaveURL(/#where\//);
    release();
    await expect(page.locator('form[data-form="answer"]')).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    expect(asked).toBe(1);
    // The heading and the document's title are the question (its text comes with the code).
    const question = await page.locator('main h1').textContent();
    expect(question).toMatch(/？$/);
    await expect(page).toHaveTitle(`${question} - 残疾人福利测算`);
  });
});

test.describe('the later pages\' code arriving late, without a service worker', () => {
  test.use({ serviceWorkers: 'block' });
  test('"see results" pressed while the download started on the check page is still under way: the results appear when it ends', async ({ page }) => {
    const answers = '1.J1.H1.S6a000080.QbdafgjBehzED.a41.b1.d5.e0.f0.g1.j0';
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked = 0;
    await page.route(/\/later\.[0-9a-f]+\.wasm$/, async (route) => { asked += 1; await held; await route.continue(); });
    await page.goto(`/#check/${answers}`);
    await appReady(page);
    await expect.poll(() => asked).toBe(1);
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page).toHaveURL(/#results\//);
    await expect(page.locator('main .loading')).toBeVisible();
    release();
    await expect(page.locator('article.finding').first()).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    expect(asked).toBe(1);
  });
});
