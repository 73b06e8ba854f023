// The results page for three households: the page height at 412x915 and the default print's A4
// page count (printed to the log, reproducible); the summary on the first screen with a short list;
// the hand-off link at the top; accessibility checks a person would notice (focus contrast, Space on
// links that act as buttons, focus after a language switch, lang attributes).
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { appReady, journey, kioskGoto } from './helpers.mjs';

/** Pages in a PDF made by Chromium (one page object each). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

export const households = [
  {
    name: '会宁县 father, 70, grade-2 visual, rural, dibao',
    helper: 1,
    place: 3,
    answers: { disabilities: ['visual', 2], certificate: 'yes', age: 70, residence: 1, household_status: 3, needs: [0], long_term_care: 'yes', able_to_work: 'no', student: 'no' },
  },
  {
    name: '伊金霍洛旗 man, 45, grade-2 physical, rural',
    helper: 0,
    place: 2,
    answers: { disabilities: ['physical', 2], certificate: 'yes', local_hukou: 'yes', age: 45, residence: 1, sex: 1, household_status: 0, needs: [0, 1], able_to_work: 'yes', employment: 0, student: 'no' },
  },
  {
    name: '东河区 child, 5, grade-1 intellectual',
    helper: 1,
    place: 1,
    answers: { disabilities: ['intellectual', 1], certificate: 'yes', age: 5, autism: 'no', residence: 0, household_status: 0, needs: [0], student: 'no' },
  },
];

for (const h of households) {
  test(`figures: ${h.name}: page height and default print`, async ({ page }, info) => {
    await journey(page, h);
    await page.evaluate(() => window.scrollTo(0, 0));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(info.outputPath('results.pdf'), pdf);
    const pages = pageCount(pdf);
    console.log(`FIGURES ${h.name}: results height at 412x915 ${height} px; default print ${pages} A4 pages; ${new URL(page.url()).hash}`);
    // The summary's heading is on the first screen.
    const box = await page.locator('#summary-title').boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(915);
    expect(pages).toBeGreaterThan(0);
  });
}

// The services to ask about fold (GOV.UK details): the heading, its count and the hint stay in
// view, the cards open with Enter or Space on the summary, and printing everything opens them.
test('the services to ask about fold under their heading and print open', async ({ page }) => {
  await journey(page, households[0]);
  const group = page.locator('section[aria-labelledby="group-service"]');
  const cards = group.locator('article.finding');
  const n = await cards.count();
  expect(n).toBeGreaterThan(1);
  await expect(group.locator('h2')).toContainText(`(${n})`);
  await expect(group.locator('p.hint')).toBeVisible();
  const summary = group.locator('details.group-fold > summary');
  await expect(summary).toContainText(String(n));
  await expect(cards.first()).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(cards.first()).toBeVisible();
  await expect(group.locator('details.group-fold')).toHaveAttribute('open', '');
  await page.keyboard.press('Space');
  await expect(cards.first()).toBeHidden();
  // "Print everything" prints the screen's content: the folded cards are on paper.
  await page.evaluate(() => document.documentElement.classList.add('print-all'));
  await page.emulateMedia({ media: 'print' });
  await expect(cards.first()).toBeVisible();
  await expect(cards.last()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

// Few answers (会宁县, certificate, grade-1 physical, age 45, urban): 13 cash or insurance items,
// most of them "possible".
const few = '1.J3.H0.Qabcde.a31.b1.c1.d45.e0';

test('few answers: the summary lists at most 5 items and links to the rest, all on the first screen', async ({ page }) => {
  await page.goto(`/#results/${few}`);
  await appReady(page);
  const items = page.locator('section.summary .summary-list-money li');
  expect(await items.count()).toBeLessThanOrEqual(5);
  const more = page.locator('section.summary .summary-money-more a');
  await expect(more).toHaveCount(1);
  const n = Number((await more.textContent()).match(/\d+/)[0]);
  expect(n).toBeGreaterThan(0);
  // Every cash or insurance item of the person is either listed or counted in the link.
  const cards = await page.locator('section.result-group:not(.no-print) article.finding:is(.finding-likely, .finding-possible) .help-kind')
    .filter({ hasText: /^(现金补贴|保险缴费补助)$/ }).count();
  expect(await items.count() + n).toBeLessThanOrEqual(cards);
  // The list is on the first phone screen, below the notice that the document's period has ended
  // (it was 13 items, ending near 2,000 px); the link to the rest follows it.
  const box = await items.last().boundingBox();
  expect(box.y + box.height, 'the listed items within the first 915 px').toBeLessThanOrEqual(915);
  expect((await more.boundingBox()).y).toBeLessThan(915 + 100);
  await more.click();
  await expect(page.locator('#group-possible')).toBeFocused();
  expect(page.url()).toContain(`#results/${few}`);
  // An item moves focus to its card and keeps the answers (a bare '#card' address lost them).
  const item = items.last().locator('a');
  const name = await item.textContent();
  await item.click();
  const heading = page.locator('article.finding h3:focus');
  await expect(heading).toHaveText(name);
  await expect(heading).toBeInViewport();
  await expect(page.locator('main h1')).toHaveText('测算结果');
  expect(page.url()).toContain(`#results/${few}`);
});

test('take the results to your phone: a link next to print, near the top, moves focus to the hand-off heading', async ({ page }) => {
  for (const [viewport, address, height] of [
    [{ width: 412, height: 915 }, `/#results/${few}`, 915],
    [{ width: 1080, height: 1920 }, 'kiosk', 1920],
  ]) {
    await page.setViewportSize(viewport);
    if (address === 'kiosk') {
      await kioskGoto(page, `results/${few}`, 90);
    } else {
      await page.goto(address);
      await appReady(page);
    }
    const link = page.locator('.summary-actions a[data-focus="handoff-title"]');
    await expect(link).toHaveText(/把结果带到手机上/);
    // Next to the print button, in the same row of actions.
    await expect(page.locator('.summary-actions button[data-action="print"] + a[data-focus="handoff-title"]')).toHaveCount(1);
    // Near the top: in the summary, above every result card (at the kiosk, on the first screen).
    const box = await link.boundingBox();
    const card = await page.locator('article.finding').first().boundingBox();
    expect(box.y + box.height, `${address}: above the first result`).toBeLessThanOrEqual(card.y);
    if (viewport.width > 1000) expect(box.y + box.height, `${address}: on the first screen`).toBeLessThanOrEqual(height);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#handoff-title')).toBeFocused();
    await expect(page.locator('#handoff-title')).toBeInViewport();
    await expect(page.locator('.handoff svg.qr')).toBeVisible();
  }
});

test('Space and Enter follow links that act as buttons', async ({ page }) => {
  for (const key of ['Space', 'Enter']) {
    await page.goto(`/#results/${few}`);
    await appReady(page);
    const next = page.locator('.summary-actions a[role="button"]', { hasText: '下一步' });
    await next.focus();
    await page.keyboard.press(key);
    await expect(page.locator('main h1'), key).toHaveText('去哪里办、带什么');
    await expect(page.locator('main h1')).toBeFocused();
  }
  // Space on the hand-off link (a link with role=button that stays on the page).
  await page.goto(`/#results/${few}`);
  await appReady(page);
  await page.locator('.summary-actions a[data-focus="handoff-title"]').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#handoff-title')).toBeFocused();
});

test('a language switch on the results page moves focus to the h1; lang attributes follow the language', async ({ page }) => {
  await page.goto(`/#results/${few}`);
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The switch is in the other language and says so.
  await expect(page.locator('.lang-switch')).toHaveAttribute('lang', 'en');
  await page.locator('.lang-switch').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Your results');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('.lang-switch')).toHaveAttribute('lang', 'zh-CN');
  // Every piece of Chinese text on the English page (place names, document titles) carries lang="zh…".
  const stray = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/[\u3400-\u9fff]/.test(n.data)) continue;
      const el = n.parentElement;
      if (el.closest('script, style, svg, noscript, [hidden]')) continue;
      if (!el.closest('[lang]').lang.startsWith('zh')) out.push(n.data.trim().slice(0, 40));
    }
    return out;
  });
  expect(stray).toEqual([]);
  // And back: focus on the h1 again.
  await page.locator('.lang-switch').click();
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await expect(page.locator('main h1')).toBeFocused();
});

/** In the browser: the focused element's indicator parts (outline, shadows, a changed background)
 * and the contrast of each against the colour behind the element. */
const focusIndicator = (selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const el = document.querySelector(selector);
  // A radio or checkbox shows its focus on the whole option.
  const shown = el.closest('.radio, .checkbox') || el;
  let behind = { r: 255, g: 255, b: 255, a: 1 };
  for (let e = shown.parentElement; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) { behind = c; break; }
  }
  const before = getComputedStyle(shown).backgroundColor;
  el.focus();
  const st = getComputedStyle(shown);
  const parts = [];
  if (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) parts.push({ what: 'outline', colour: st.outlineColor, thickness: parseFloat(st.outlineWidth) });
  if (st.boxShadow !== 'none') {
    for (const s of st.boxShadow.split(/,(?![^(]*\))/)) {
      const colour = s.match(/rgba?\([^)]+\)/)[0];
      const [x = 0, y = 0, , spread = 0] = s.replace(colour, '').replace('inset', '').trim().split(/\s+/).map(parseFloat);
      parts.push({ what: 'shadow', colour, thickness: Math.max(Math.abs(x), Math.abs(y)) + Math.max(spread, 0) });
    }
  }
  if (st.backgroundColor !== before) {
    const r = shown.getBoundingClientRect();
    parts.push({ what: 'background', colour: st.backgroundColor, thickness: Math.min(r.width, r.height) });
  }
  const measured = parts
    .map((p) => ({ ...p, c: parse(p.colour) }))
    .filter((p) => p.c && p.c.a > 0 && p.thickness > 0)
    .map((p) => ({ what: p.what, colour: p.colour, thickness: p.thickness, contrast: Math.round(ratio(p.c, behind) * 100) / 100 }));
  const best = Math.max(0, ...measured.filter((p) => p.thickness >= 2).map((p) => p.contrast));
  return { best, parts: measured, behind: `rgb(${behind.r}, ${behind.g}, ${behind.b})` };
};

test('focus is visible: the indicator contrasts at least 3:1 with what is behind it (button, link, radio, checkbox)', async ({ page }) => {
  const targets = [
    ['button', `results/${few}`, 'button[data-action="print"]'],
    ['link', `results/${few}`, 'section.summary li a'],
    ['link as a button', `results/${few}`, '.summary-actions a[role="button"]'],
    ['radio', 'q-household_status/1.J2.H2', 'input[type="radio"]'],
    ['checkbox', 'q-needs/1.J2.H0', '#need-0'],
  ];
  for (const [mode, flag] of [['normal', ''], ['high contrast', '.K1']]) {
    for (const [name, address, selector] of targets) {
      await page.goto(`/#${address}${flag}`);
      await appReady(page);
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      const m = await page.evaluate(focusIndicator, selector);
      expect(m.best, `${name}, ${mode}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(3);
    }
  }
  // The measure fails a faint indicator (light grey on white), so it can catch a regression.
  await page.goto(`/#results/${few}`);
  await appReady(page);
  await page.evaluate(() => {
    const a = document.querySelector('section.summary li a');
    for (const [k, v] of [['outline', '2px solid #ddd'], ['box-shadow', 'none'], ['background', '#eee']]) a.style.setProperty(k, v, 'important');
  });
  const faint = await page.evaluate(focusIndicator, 'section.summary li a');
  expect(faint.best, JSON.stringify(faint)).toBeLessThan(3);
});
