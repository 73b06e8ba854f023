// Results a person can act on and a relative's plan: the summary on the first phone screen, questions
// that fit a child, a household of two with one plan by office, the certificate first when there is
// none, links old and damaged, and the printed sheet and plan as PDF pages.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { answerQuestions, appReady, journey } from './helpers.mjs';

/** Pages in a PDF made by Chromium (one page object each). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

test('会宁县: a daughter for her father sees both national subsidies on the first screen; the print is the short sheet', async ({ page }, info) => {
  await journey(page, {
    helper: 1,
    place: 3,
    answers: { disabilities: ['visual', 2], certificate: 'yes', age: 70, residence: 1, household_status: 3, needs: [0], long_term_care: 'yes', able_to_work: 'no', student: 'no' },
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of ['困难残疾人生活补贴', '重度残疾人护理补贴']) {
    const item = page.locator('section.summary li', { hasText: name });
    const box = await item.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box.y + box.height, `${name} within the first 915 px`).toBeLessThanOrEqual(915);
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`results height, 会宁县 father, 412x915: ${height} px`);
  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(info.outputPath('results.pdf'), pdf);
  const pages = pageCount(pdf);
  console.log(`default print, 会宁县 father: ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(0);
  // Issue 10: at most 2 A4 pages. The sheet keeps the offices for money and first steps; the
  // others are named in one line.
  expect(pages).toBeLessThanOrEqual(2);
  const sheet = page.locator('.print-sheet');
  await expect(sheet.locator('.print-offices')).toContainText('困难残疾人生活补贴');
  await expect(sheet.locator('.print-others')).toContainText('也可以去问');
  await expect(sheet.locator('.print-qr svg')).toHaveCount(1);
});

test('a five-year-old is asked no work, business or veteran question', async ({ page }) => {
  const asked = await journey(page, {
    helper: 1,
    place: 4,
    answers: { disabilities: ['intellectual', 2], certificate: 'yes', age: 5, autism: 'no', residence: 0, household_status: 0, needs: [0], student: 'no' },
  });
  expect(asked).toContain('age');
  for (const adult of ['able_to_work', 'employment', 'hard_to_employ', 'paid_own_insurance', 'public_payroll', 'veteran']) {
    expect(asked, adult).not.toContain(adult);
  }
});

test('伊金霍洛旗: a relative enters husband and wife; one plan lists each office once with an agent section', async ({ page }, info) => {
  await journey(page, {
    helper: 1,
    place: 2,
    answers: { disabilities: ['physical', 2], certificate: 'yes', local_hukou: 'yes', age: 58, residence: 1, household_status: 0, needs: [0], able_to_work: 'no', student: 'no' },
  });
  await page.locator('.add-person a').click();
  await expect(page.locator('main h1')).toBeFocused();
  await page.locator('#person-name').fill('妻子');
  await page.locator('form button[type=submit]').click();
  await answerQuestions(page, { disabilities: ['intellectual', 3], certificate: 'yes', local_hukou: 'yes', age: 55, residence: 1, needs: [0], able_to_work: 'no', student: 'no' });
  await page.getByRole('button', { name: /查看结果/ }).click();
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await expect(page.locator('section.summary')).toContainText('妻子');
  await expect(page.locator('.people-nav a')).toHaveCount(2);
  // The next step is the plan.
  await page.locator('.summary-actions a.button', { hasText: '下一步' }).click();
  await expect(page.locator('main h1')).toBeFocused();
  const offices = await page.locator('.visit h2').allTextContents();
  expect(offices.length).toBeGreaterThan(0);
  expect(new Set(offices).size, offices.join(' | ')).toBe(offices.length);
  await expect(page.locator('.plan-agent')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(info.outputPath('plan.pdf'), pdf);
  const pages = pageCount(pdf);
  console.log(`plan for two, ${offices.length} offices: ${pages} A4 pages`);
  expect(pages).toBeGreaterThanOrEqual(offices.length);
});

test('without a certificate the plan starts with the certificate', async ({ page }) => {
  await page.goto('/#plan/1.J2.H1.Qabcde.a31.b0.c1.d45.e0');
  await appReady(page);
  await expect(page.locator('.visit h2').first()).toContainText('残疾人证');
});

test('an old one-person link opens; a damaged two-person link says so and starts empty', async ({ page }) => {
  await page.goto('/#results/1.J2.H0.Qabcde.a31.b1.c1.d45.e0');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await page.goto('/#results/2.J2.H1.P.Qab.a31.b1.Pzz');
  await page.reload();
  await appReady(page);
  await expect(page.locator('.notice')).toContainText('不完整或已损坏');
  await expect(page.locator('main h1')).toHaveText('看看您可以申请哪些残疾人补贴和服务');
});
