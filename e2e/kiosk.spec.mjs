// Kiosk mode: strangers one after another, at a portrait 1080×1920 touch screen. Every way of
// leaving (idle, "finish and clear", Back, reload, a hidden page, a second tab, a bookmark) leaves
// nothing of the last person; the layout is large, uses the height, and needs no keyboard.
import { test, expect } from '@playwright/test';
import { appReady, answerQuestions, settle } from './helpers.mjs';

const START_ZH = '看看您可以申请哪些残疾人补贴和服务';
const KIOSK = { width: 1080, height: 1920 };

/** Start a kiosk session and answer up to the age question (grade-1 physical, certificate, hukou). */
async function toAgeQuestion(page, idle = 600) {
  await page.goto(`/?kiosk=1&idle=${idle}`);
  await appReady(page);
  await page.locator('a.button-start').click();
  await page.locator('input[name="answer"][value="0"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.locator('input[name="answer"][value="2"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await settle(page);
  await answerQuestions(page, { disabilities: ['physical', 1], certificate: 'yes', local_hukou: 'yes' }, async (p, fact) => {
    if (fact === 'age') throw new Error('stop');
  }).catch((e) => { if (e.message !== 'stop') throw e; });
  await expect(page.locator('main h1')).toHaveText('您今年几岁？');
  expect(page.url()).toMatch(/\.J2.*\.a31/); // the answers are in the address while in use
}

/** Nothing of the last person: the start page, an address without answers, no storage. */
async function expectEmptyStart(page) {
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText(START_ZH);
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toMatch(/^#start\/1\.X\d+$/);
  expect(await page.content()).not.toContain('您今年几岁');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
}

/** The fraction of the screen's height (at the top of the page) with nothing painted: no text, no
 * control, no border or background of its own. */
async function blankFraction(page) {
  return page.evaluate(() => {
    const H = innerHeight;
    const bands = [];
    const add = (r) => {
      const a = Math.max(0, r.top), b = Math.min(H, r.bottom);
      if (b > a && r.width > 1 && r.right > 0 && r.left < innerWidth) bands.push([a, b]);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) add(r);
    }
    const bodyBg = getComputedStyle(document.body).backgroundColor;
    for (const el of document.body.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const control = ['input', 'button', 'select', 'textarea', 'img', 'svg'].includes(el.localName);
      const background = cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== bodyBg;
      const border = ['Top', 'Bottom', 'Left', 'Right'].some((s) => parseFloat(cs[`border${s}Width`]) > 0 && cs[`border${s}Style`] !== 'none');
      if (control || background || border) add(el.getBoundingClientRect());
    }
    bands.sort((x, y) => x[0] - y[0]);
    let painted = 0, end = 0;
    for (const [a, b] of bands) if (b > end) { painted += b - Math.max(a, end); end = b; }
    return (H - painted) / H;
  });
}

test('idle: the warning gives at least 20 s, is announced once, is large; then everything is cleared', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(KIOSK);
  await toAgeQuestion(page, 20);
  const startLength = await page.evaluate(() => history.length);
  const warning = page.locator('.idle-warning');
  await expect(warning).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#idle-title')).toHaveText('还在使用吗？');
  const left = Number((await page.locator('#idle-body').textContent()).match(/\d+/)[0]);
  console.log(`kiosk idle=20: the warning appears with ${left} s left`);
  expect(left).toBeGreaterThanOrEqual(19); // one second may pass before the test reads it
  await expect(page.locator('.idle-warning button')).toBeFocused();
  // Announced once: the dialog is announced when focus moves into it; nothing in it is a live
  // region, and the count changes in place (the dialog is not rebuilt every second).
  expect(await warning.locator('[aria-live], [role="alert"], [role="status"]').count()).toBe(0);
  await page.evaluate(() => { document.querySelector('#idle-title').dataset.mark = 'same'; });
  await page.waitForTimeout(2100);
  const later = Number((await page.locator('#idle-body').textContent()).match(/\d+/)[0]);
  expect(later).toBeLessThan(left);
  await expect(page.locator('#idle-title')).toHaveAttribute('data-mark', 'same');
  // Large: most of the screen's width, text well above the page's base size.
  const box = await page.locator('.idle-warning .kiosk-box').boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(KIOSK.width * 0.8);
  const fonts = await page.evaluate(() => [
    parseFloat(getComputedStyle(document.querySelector('#idle-body')).fontSize),
    parseFloat(getComputedStyle(document.querySelector('#idle-title')).fontSize),
  ]);
  expect(fonts[0]).toBeGreaterThanOrEqual(36);
  expect(fonts[1]).toBeGreaterThanOrEqual(44);
  // Left alone, it clears: nothing of the last person, no history entries added.
  await expect(warning).toBeHidden({ timeout: 30_000 });
  await expectEmptyStart(page);
  expect(await page.evaluate(() => history.length)).toBe(startLength);
});

test('a touch keeps the session', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?kiosk=1&idle=6');
  await appReady(page);
  await page.locator('a.button-start').click();
  await page.locator('input[name="answer"][value="0"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('.idle-warning')).toBeVisible({ timeout: 30_000 });
  await page.mouse.click(5, 400);
  await expect(page.locator('.idle-warning')).toBeHidden();
  await expect(page.locator('main h1')).toHaveText('在哪个地方申请？');
  expect(page.url()).toContain('.H0');
});

test('"finish and clear" asks first, and is far from the language switch', async ({ page }) => {
  await page.setViewportSize(KIOSK);
  await toAgeQuestion(page);
  const [finish, lang] = [await page.locator('.kiosk-finish').boundingBox(), await page.locator('.lang-switch').boundingBox()];
  const dx = Math.max(0, Math.max(lang.x - (finish.x + finish.width), finish.x - (lang.x + lang.width)));
  const dy = Math.max(0, Math.max(lang.y - (finish.y + finish.height), finish.y - (lang.y + lang.height)));
  console.log(`kiosk: "finish and clear" is ${Math.round(Math.hypot(dx, dy))} px from the language switch`);
  expect(Math.hypot(dx, dy)).toBeGreaterThanOrEqual(200);
  // A mistaken touch: the question: keep going, and nothing is lost.
  await page.locator('.kiosk-finish').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '不，继续填写' })).toBeFocused();
  await dialog.getByRole('button', { name: '不，继续填写' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('main h1')).toHaveText('您今年几岁？');
  expect(page.url()).toContain('.a31');
  // Escape keeps going too.
  await page.locator('.kiosk-finish').click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.kiosk-finish')).toBeFocused();
  expect(page.url()).toContain('.a31');
  // Meant it: cleared.
  const startLength = await page.evaluate(() => history.length);
  await page.locator('.kiosk-finish').click();
  await dialog.getByRole('button', { name: '是，清除全部' }).click();
  await expectEmptyStart(page);
  expect(await page.evaluate(() => history.length)).toBe(startLength);
});

test('Back then Forward shows an empty start, and the app added no history entries', async ({ page }) => {
  await page.goto('/robots.txt');
  const before = await page.evaluate(() => history.length);
  await toAgeQuestion(page);
  expect(await page.evaluate(() => history.length)).toBe(before + 1); // only the kiosk page itself
  await page.goBack();
  expect(page.url()).toContain('/robots.txt');
  await page.goForward();
  await expectEmptyStart(page);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
});

test('reload shows an empty start', async ({ page }) => {
  await toAgeQuestion(page);
  await page.reload();
  await expectEmptyStart(page);
});

test('a second tab with the same address, or a bookmarked answer link, shows an empty start', async ({ page, context }) => {
  await toAgeQuestion(page);
  const second = await context.newPage();
  await second.goto(page.url());
  await expectEmptyStart(second);
  for (const link of ['/#q-age/1.J2.H1.X600.Qabc.a31.b1.c1', '/?kiosk=1#results/1.J2.H0.Qabcde.a31.b1.c1.d45.e0']) {
    await second.goto('/robots.txt'); // a new document each time, not a hash change
    await second.goto(link);
    await expectEmptyStart(second);
  }
});

test('a page that is hidden (another app, the screen off) is cleared', async ({ page }) => {
  await toAgeQuestion(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as the browser fires it
  });
  await expectEmptyStart(page);
});

test('an address typed in during a session is not followed', async ({ page }) => {
  await toAgeQuestion(page);
  await page.evaluate(() => { location.hash = '#results/1.J2.H0.X600.Qabcde.a31.b1.c1.d45.e0'; });
  await expectEmptyStart(page);
});

test('kiosk text is at least 28 px; the other modes are unchanged', async ({ page }) => {
  await page.setViewportSize(KIOSK);
  const base = async () => page.evaluate(() => [document.documentElement, document.body].map((e) => parseFloat(getComputedStyle(e).fontSize)));
  await page.goto('/?kiosk=1');
  await appReady(page);
  const [html, body] = await base();
  console.log(`kiosk base font: ${html} px (body ${body} px)`);
  expect(Math.min(html, body)).toBeGreaterThanOrEqual(28);
  await page.goto('/');
  await appReady(page);
  expect(await base()).toEqual([20, 20]);
});

for (const [lang, switchTo] of [['zh', false], ['en', true]]) {
  test(`kiosk pages use the height, with the main action low and full width (${lang})`, async ({ page }) => {
    await page.setViewportSize(KIOSK);
    await page.goto('/?kiosk=1&idle=600');
    await appReady(page);
    if (switchTo) {
      await page.locator('.lang-switch').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    const figures = [];
    const check = async (name, action) => {
      const blank = await blankFraction(page);
      const box = await page.locator(action).first().boundingBox();
      const main = await page.locator('main').boundingBox();
      figures.push(`${name} ${(blank * 100).toFixed(0)}% blank, action at ${Math.round(box.y)}-${Math.round(box.y + box.height)} px`);
      expect.soft(blank, `${name}: blank fraction`).toBeLessThanOrEqual(0.2);
      expect.soft(box.y, `${name}: main action in the lower part`).toBeGreaterThanOrEqual(KIOSK.height * 0.45);
      expect.soft(box.y + box.height, `${name}: main action on the first screen`).toBeLessThanOrEqual(KIOSK.height);
      expect.soft(box.width, `${name}: main action full width`).toBeGreaterThanOrEqual(main.width * 0.85);
    };
    await check('start', 'a.button-start');
    await page.locator('a.button-start').click();
    await check('who', 'main form button[type="submit"]');
    await page.locator('input[name="answer"][value="0"]').check();
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await page.locator('input[name="answer"][value="2"]').check();
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await settle(page);
    await answerQuestions(page, { disabilities: ['physical', 1], local_hukou: 'yes' }, async (p, fact) => {
      if (fact === 'certificate') await check('yes/no question', 'button[value="continue"]');
      if (fact === 'age') {
        await check('number question', 'button[value="continue"]');
        throw new Error('stop');
      }
    }).catch((e) => { if (e.message !== 'stop') throw e; });
    console.log(`kiosk 1080×1920 (${lang}): ${figures.join('; ')}`);
  });
}

test('a number pad fills the answer without a keyboard; Space and Enter work on its keys', async ({ page }) => {
  await page.setViewportSize(KIOSK);
  await toAgeQuestion(page);
  const pad = page.getByRole('group', { name: '数字键盘' });
  await expect(pad).toBeVisible();
  const input = page.locator('#answer-number');
  await pad.getByRole('button', { name: '4', exact: true }).click();
  await pad.getByRole('button', { name: '7', exact: true }).click();
  await expect(input).toHaveValue('47');
  await pad.getByRole('button', { name: '删除最后一位' }).click();
  await expect(input).toHaveValue('4');
  await pad.getByRole('button', { name: '3', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(input).toHaveValue('43');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('433');
  await pad.getByRole('button', { name: '全部清空' }).click();
  await expect(input).toHaveValue('');
  for (const d of '45') await pad.getByRole('button', { name: d, exact: true }).click();
  for (const el of await pad.getByRole('button').all()) expect((await el.boundingBox()).height).toBeGreaterThanOrEqual(64);
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).not.toHaveText('您今年几岁？');
  expect(page.url()).toContain('.d45');
});

for (const [label, kiosk] of [['', false], [' at a kiosk', true]]) {
  test(`an answer typed but not sent survives a change of text size or contrast${label}`, async ({ page }) => {
    if (kiosk) await toAgeQuestion(page);
    else {
      await page.goto('/#q-age/1.J2.H0.Qabc.a31.b1.c1');
      await appReady(page);
    }
    await page.locator('#answer-number').fill('52');
    await page.locator('details.settings > summary').click();
    await page.locator('.chip').nth(1).click();
    await expect(page.locator('html')).toHaveAttribute('data-size', 'large');
    await expect(page.locator('#answer-number')).toHaveValue('52');
    await page.locator('.chip').last().click();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    await expect(page.locator('#answer-number')).toHaveValue('52');
    await expect(page.locator('.chip').last()).toBeFocused();
    await page.getByRole('button', { name: '继续' }).click();
    expect(page.url()).toContain('.d52');
  });
}

test('a choice made but not sent survives a change of contrast', async ({ page }) => {
  await page.goto('/#q-certificate/1.J2.H1');
  await appReady(page);
  await page.locator('input[name="answer"][value="0"]').check();
  await page.locator('details.settings > summary').click();
  await page.locator('.chip').last().click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.locator('input[name="answer"][value="0"]')).toBeChecked();
});
