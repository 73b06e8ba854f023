// axe-core on every page, in both languages, in normal, large-text and high-contrast modes; reflow
// at 320 px and 200% zoom; touch-target sizes; static start screen before the app loads.
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, kioskGoto } from './helpers.mjs';

// Ejin Horo, answered up to the results: grade-1 physical, certificate, local hukou, age 45, urban.
const answered = '1.J2.H0.Qabcde.a31.b1.c1.d45.e0';
const pages = [
  ['start', 'start/1'],
  ['who', 'who/1'],
  ['where', 'where/1.H1'],
  ['yes/no question', 'q-certificate/1.J2.H1'],
  ['choice question', 'q-household_status/1.J2.H2'],
  ['number question', 'q-age/1.J2.H0'],
  ['disability question', 'q-disabilities/1.J2.H0'],
  ['needs question', 'q-needs/1.J2.H0'],
  ['check answers', `check/${answered}`],
  ['results', `results/${answered}`],
  ['results past the period', 'results/1.J0.H0.Qab.a32.b1'],
  ['browse', 'browse/1'],
  ['browse a place', 'browse-huining/1'],
  ['plan by office', `plan/${answered}`],
  ['add a person', `add-person/${answered}`],
  ['authorisation form', `authorise/${answered}`],
  ['results for two people', `results/2.J2.H1.P.Qabcde.a31.b1.c1.d45.e0.P7061.Qabd.a22.b1.c1.d70`],
];
const modes = [['normal', ''], ['large text', '.T1'], ['extra large text', '.T2'], ['high contrast', '.K1'], ['kiosk', 'kiosk']];

/** A page in a display mode; kiosk pages are reached from the kiosk itself (see kioskGoto). */
async function openPage(page, address, flag) {
  if (flag === 'kiosk') return kioskGoto(page, address);
  await page.goto(`/#${address}${flag}`);
  await appReady(page);
}

for (const [lang, suffix] of [['zh', ''], ['en', '.L1']]) {
  for (const [mode, flag] of modes) {
    test(`axe: every page, ${lang}, ${mode}`, async ({ page }) => {
      // Sixteen pages, each scanned whole: slow on a loaded two-core machine.
      test.setTimeout(300_000);
      for (const [name, address] of pages) {
        await openPage(page, `${address}${suffix}`, flag);
        // Open every disclosure so hidden content is scanned too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await expectNoAxeViolations(page, `${name} (${lang}, ${mode})`);
      }
    });
  }
}

test('the start screen is in index.html before the app loads', async ({ page }) => {
  // Hold back the app's script: what shows is index.html alone.
  await page.route(/app\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText('看看您可以申请哪些残疾人补贴和服务');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.page[data-app]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'static start screen');
});

// A 412 px phone at 200% zoom is 206 CSS px: with the largest text it is the narrowest case.
for (const [label, viewport, zoom] of [
  ['320 px wide', { width: 320, height: 640 }, 1],
  ['200% zoom', { width: 1280, height: 800 }, 2],
  ['200% zoom on a 412 px phone', { width: 412, height: 914 }, 2],
]) {
  test(`no loss of content or sideways scrolling at ${label}`, async ({ page }) => {
    await page.setViewportSize(zoom === 2 ? { width: viewport.width / 2, height: viewport.height / 2 } : viewport);
    for (const [name, address] of pages) {
      await page.goto(`/#${address}.T2`);
      await appReady(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
}

// The header at the largest text on a 412 px phone: the name on one line, the language and the
// display settings on the next (it was three lines and 263 px; measured 142 px after), nothing
// cut off at 320 px.
test('the header at the largest text takes two lines on a phone', async ({ page }) => {
  for (const [width, lang, maxRows, maxHeight] of [[412, '', 2, 150], [412, '.L1', 3, 260], [320, '', 3, 215]]) {
    await page.setViewportSize({ width, height: 915 });
    await page.goto(`/#start/1.T2${lang}`);
    await appReady(page);
    const m = await page.evaluate(() => {
      const tops = ['.brand', '.lang-switch', '.settings > summary'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().top));
      const header = document.querySelector('.masthead').getBoundingClientRect();
      const inside = [...document.querySelectorAll('.masthead *')].every((e) => e.getBoundingClientRect().right <= header.right + 0.5);
      return { rows: new Set(tops.map((t) => Math.round(t / 8))).size, height: header.height, inside, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    const at = `${width} px${lang}`;
    console.log(`FIGURES header at the largest text, ${at}: ${Math.round(m.height)} px, ${m.rows} rows`);
    expect(m.rows, `${at}: rows of name, language and settings`).toBeLessThanOrEqual(maxRows);
    expect(m.height, `${at}: header height`).toBeLessThanOrEqual(maxHeight);
    expect(m.inside, `${at}: nothing past the right edge`).toBe(true);
    expect(m.overflow, `${at}: no sideways scroll`).toBeLessThanOrEqual(0);
  }
});

test('touch targets are at least 48 px, 60 px in the large modes, 72 px at a kiosk', async ({ page }) => {
  test.setTimeout(300_000);
  for (const [flag, min] of [['', 48], ['.T1', 60], ['.T2', 60], ['kiosk', 72]]) {
    for (const [, address] of pages) {
      await openPage(page, address, flag);
      const small = await page.evaluate((min) => {
        const out = [];
        for (const el of document.querySelectorAll('main a.button, main button, .radio, .checkbox, .chip, .lang-switch, .kiosk-finish, .back-link, summary, .pad-key')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // not shown (e.g. read-aloud without speech)
          if (r.height < min - 0.5) out.push(`${el.className || el.tagName} ${Math.round(r.height)}px`);
        }
        return out;
      }, min);
      expect(small, `${address}${flag}`).toEqual([]);
    }
  }
});
