// Results a person can act on and a relative's plan: the summary on the first phone screen, questions
// that fit a child, a household of two with one plan by office, the certificate first when there is
// none, links old and damaged, and the printed sheet and plan as PDF pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { answerQuestions, appReady, journey, settle } from './helpers.mjs';

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
    // He farms on his own account (self-employed), which the household grant for a business is for.
    answers: { disabilities: ['physical', 2], certificate: 'yes', local_hukou: 'yes', age: 58, residence: 1, household_status: 0, needs: [0], able_to_work: 'yes', employment: 2, student: 'no' },
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
  // Ejin Horo §三(一)1, read by town or countryside: rural grade 2 physical 3,000, rural grade 3
  // intellectual 2,000; 5,000 for the household.
  const summary = page.locator('section.summary');
  await expect(summary).toContainText(/第 1 位[\s\S]*重度（一、二级）残疾人年度补贴\s*每年 3,000 元/);
  await expect(summary).toContainText(/第 2 位（妻子）[\s\S]*智力、精神三、四级残疾人年度补贴\s*每年 2,000 元/);
  await expect(summary).toContainText(/全家每年现金合计（估算）\s*5,000 元/);
  // The business grant, which leans towards households with several disabled members, once.
  const grant = page.locator('article.finding', { has: page.locator('h3', { hasText: '自主就业创业扶持资金' }) });
  await expect(grant).toHaveCount(1);
  await expect(page.locator('#group-household').locator('..')).toContainText('自主就业创业扶持资金');
  // The next step is the plan.
  await page.locator('.summary-actions a.button', { hasText: '下一步' }).click();
  await expect(page.locator('main h1')).toBeFocused();
  const offices = await page.locator('.visit h2').allTextContents();
  expect(offices.length).toBeGreaterThan(0);
  expect(new Set(offices).size, offices.join(' | ')).toBe(offices.length);
  await expect(page.locator('.plan-agent')).toBeVisible();
  // Both yearly subsidies are asked for at one visit, with one list of documents without repeats.
  const subsidies = page.locator('li.visit', { hasText: '重度（一、二级）残疾人年度补贴' });
  await expect(subsidies).toHaveCount(1);
  await expect(subsidies).toContainText('智力、精神三、四级残疾人年度补贴');
  const bring = await subsidies.locator('ul.bring li').allTextContents();
  expect(bring.length).toBeGreaterThan(2);
  expect(new Set(bring).size, bring.join(' | ')).toBe(bring.length);
  // The business grant is asked for once in the whole plan.
  await expect(page.locator('li.plan-item', { hasText: '自主就业创业扶持资金' })).toHaveCount(1);
  const pdf = await page.pdf({ format: 'A4' });
  const pdfPath = info.outputPath('plan.pdf');
  fs.writeFileSync(pdfPath, pdf);
  const pages = pageCount(pdf);
  console.log(`plan for two, ${offices.length} offices: ${pages} A4 pages`);
  expect(pages).toBeGreaterThanOrEqual(offices.length);
  // The printed text (poppler's pdftotext): every office, the answers it rests on, the agent's part.
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const office of offices) expect(text, office).toContain(office.replace(/\s+/g, ''));
  expect(text).toContain('自主就业创业扶持资金');
  expect(text).toContain(await page.locator('#agent-title').innerText());
  // Page images to look at (test-results/…/plan-N.png), one per printed page.
  execFileSync('pdftoppm', ['-r', '50', '-png', pdfPath, info.outputPath('plan')]);
  const images = fs.readdirSync(info.outputDir).filter((f) => /^plan-\d+\.png$/.test(f));
  expect(images.length).toBe(pages);
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

/** Presses Tab until `target` has the focus (at most `max` presses); fails if it never gets there. */
async function tabTo(page, target, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('keyboard only: add a second person and reach the plan', async ({ page }) => {
  // A relative has one person's results (伊金霍洛旗, grade 2 physical, rural, 45).
  await page.goto('/#results/1.J2.H1.Qabcde.a31.b1.c1.d45.e1');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await tabTo(page, page.locator('.add-person a'));
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  await tabTo(page, page.locator('#person-name'));
  await page.keyboard.type('妻子');
  await tabTo(page, page.locator('form button[type=submit]'));
  await page.keyboard.press('Enter');
  // Her questions: the first by arrows and Space, the others "not sure", each by Tab and Enter.
  let first = true;
  for (let i = 0; i < 40; i++) {
    await settle(page);
    const form = page.locator('form[data-form="answer"]');
    if (!(await form.count())) break;
    await expect(page.locator('main h1')).toBeFocused();
    const fact = await form.getAttribute('data-fact');
    if (first && fact === 'disabilities') {
      await tabTo(page, page.locator('#kind-4'));
      await page.keyboard.press('Space');
      await tabTo(page, page.locator('#grade-3'));
      await page.keyboard.press('Space');
      await tabTo(page, page.locator('button[value="continue"]'));
    } else {
      await tabTo(page, page.locator('button[value="not_sure"]'));
    }
    first = false;
    await page.keyboard.press('Enter');
    await page.waitForFunction((f) => !document.querySelector(`form[data-fact="${f}"]`), fact);
  }
  await expect(page.locator('main h1')).toHaveText('核对您的回答');
  await tabTo(page, page.getByRole('button', { name: '查看结果' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('.people-nav a')).toHaveCount(2);
  await expect(page.locator('section.summary')).toContainText('智力、精神三、四级残疾人年度补贴');
  // The next step is the plan, by Tab and Enter; a visit is ticked with Space.
  await tabTo(page, page.locator('.summary-actions a.button', { hasText: '下一步' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('去哪里办、带什么');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('.plan-for').first()).toContainText('妻子');
  const tick = page.locator('#done-0');
  await tabTo(page, tick);
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
});
