// Shared steps for the end-to-end tests: answering the questionnaire as a person would, and the
// axe-core scan that must find nothing.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

/** Fails the test on any axe-core violation (WCAG 2.0/2.1/2.2 A and AA rules). */
export async function expectNoAxeViolations(page, label) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The app has taken over the page (the start screen in index.html is static until then). */
export async function appReady(page) {
  await page.locator('#app > .page[data-app="ready"]').waitFor({ timeout: 15_000 });
  await expect(page.locator('main h1')).toBeVisible();
}

/**
 * A page at a kiosk (?kiosk=1). A kiosk follows only addresses it created itself: one typed in or
 * bookmarked gives an empty start. So the test puts a link to the address on the page and follows
 * it, as if the page had drawn it (a person would get there through the questions).
 */
export async function kioskGoto(page, address, idle = 600) {
  await page.goto(`/?kiosk=1&idle=${idle}`);
  await appReady(page);
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = href;
    document.querySelector('main').append(a);
    a.click();
  }, `#${address}.X${idle}`);
  await page.waitForFunction((name) => location.hash.startsWith(`#${name}/`), address.split('/')[0]);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
}

/**
 * Answers questions until the check page, choosing from `answers` by fact name:
 *   { age: '45', certificate: 'yes', disabilities: ['physical', 1], residence: 1, needs: [0, 1] }
 * A fact not in `answers` gets "not sure". Returns the facts asked, in order.
 */
export async function answerQuestions(page, answers, onEach) {
  const asked = [];
  for (let i = 0; i < 40; i++) {
    await settle(page);
    const form = page.locator('form[data-form="answer"]');
    if (!(await form.count())) break;
    const fact = await form.getAttribute('data-fact');
    asked.push(fact);
    if (onEach) await onEach(page, fact);
    const a = answers[fact];
    if (a === undefined) {
      await page.getByRole('button', { name: /不确定|Not sure/ }).click();
    } else if (fact === 'disabilities') {
      const kinds = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];
      await page.locator(`#kind-${kinds.indexOf(a[0])}`).check();
      await page.locator(`#grade-${a[1]}`).check();
      await page.locator('button[value="continue"]').click();
    } else if (fact === 'needs') {
      for (const n of a) await page.locator(`#need-${n}`).check();
      if (a.length === 0) await page.locator('#need-none').check();
      await page.locator('button[value="continue"]').click();
    } else if (await page.locator('#answer-number').count()) {
      await page.locator('#answer-number').fill(String(a));
      await page.locator('button[value="continue"]').click();
    } else {
      const value = a === 'yes' ? 1 : a === 'no' ? 0 : a;
      await page.locator(`input[name="answer"][value="${value}"]`).check();
      await page.locator('button[value="continue"]').click();
    }
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await page.waitForFunction((f) => !document.querySelector(`form[data-fact="${f}"]`) || location.hash.includes('change-'), fact);
  }
  return asked;
}

/** Waits until a question, the check page or the results are on screen (the place's rules may
 * still be on their way after the "where" answer). */
export async function settle(page) {
  await page.waitForFunction(() => document.querySelector('form[data-form="answer"]')
    || /核对您的回答|Check your answers|测算结果|Your results/.test(document.querySelector('main h1')?.textContent || ''));
}

/** From the start page: who is filling in, where, then every question, then results. */
export async function journey(page, { helper = 0, place, answers, lang = 'zh', onEach }) {
  await page.goto(lang === 'en' ? '/#start/1.L1' : '/');
  await appReady(page);
  await page.locator('a.button-start').click();
  await page.locator(`input[name="answer"][value="${helper}"]`).check();
  await page.getByRole('button', { name: /继续|Continue/ }).click();
  await page.locator(`input[name="answer"][value="${place}"]`).check();
  await page.getByRole('button', { name: /继续|Continue/ }).click();
  const asked = await answerQuestions(page, answers, onEach);
  await expect(page.locator('main h1')).toHaveText(/核对您的回答|Check your answers/);
  await page.getByRole('button', { name: /查看结果|See results/ }).click();
  await expect(page.locator('main h1')).toHaveText(/测算结果|Your results/);
  return asked;
}

/** The result card of a benefit by its name. */
export function card(page, name, { exact = false } = {}) {
  const text = exact ? new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : name;
  return page.locator('article.finding', { has: page.locator('h3', { hasText: text }) });
}
