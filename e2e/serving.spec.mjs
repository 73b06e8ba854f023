// Serving and privacy: nginx's headers (CSP, caching, MIME), no console errors under the CSP, no
// request to any other origin, nothing fetched after the first load once the service worker has
// the files, and a full journey with the network switched off.
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
