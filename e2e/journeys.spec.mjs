// One full journey per place with a realistic person, checking the names and amounts shown; a
// journey in English; keyboard only; back and reload keep the answers; invalid input.
import { test, expect } from '@playwright/test';
import { appReady, answerQuestions, card, expectNoAxeViolations, journey, settle } from './helpers.mjs';

test('达拉特旗: rural grade-2 physical disability on dibao', async ({ page }) => {
  await journey(page, {
    place: 0,
    answers: { disabilities: ['physical', 2], certificate: 'yes', age: 52, residence: 1, household_status: 3, needs: [0, 1], long_term_care: 'yes', able_to_work: 'no', employment: 0, student: 'no' },
  });
  const bus = card(page, '免费乘坐市内公共交通', { exact: true });
  await expect(bus.locator('.tag')).toContainText('可以申请');
  await expect(bus.locator('.amount')).toContainText('免费');
  await expect(page.locator('.sources-line')).toContainText('达拉特旗');
  await expectNoAxeViolations(page, 'dalad results');
});

test('东河区: four-year-old with a grade-1 hearing disability', async ({ page }) => {
  await journey(page, {
    helper: 1,
    place: 1,
    answers: { disabilities: ['hearing', 1], certificate: 'no', age: 4, autism: 'no', residence: 0, household_status: 0, needs: [0], student: 'no' },
  });
  const rehab = card(page, '残疾儿童康复救助');
  await expect(rehab.locator('.amount')).toContainText('每年 24,000 元');
  await expect(rehab.locator('.tag')).not.toContainText('暂不符合');
});

test('伊金霍洛旗: urban grade-1 physical disability, college student', async ({ page }) => {
  await journey(page, {
    place: 2,
    answers: {
      disabilities: ['physical', 1], certificate: 'yes', local_hukou: 'yes', age: 20, residence: 0, household_status: 0,
      student: 'yes', student_level: 4, student_stage: 1, student_fees: '20000', needs: [6], sudden_hardship: 0,
    },
  });
  const subsidy = card(page, '重度（一、二级）残疾人年度补贴');
  await expect(subsidy.locator('.tag')).toContainText('可以申请');
  await expect(subsidy.locator('.amount')).toHaveText('每年 4,000 元');
  const aid = card(page, '大中专残疾学生和残疾人子女教育救助');
  await expect(aid.locator('.amount')).toContainText('约 9,000 元');
  await expect(page.locator('.total-value')).toHaveText('4,000 元');
  // The citation opens and names the document and section.
  await subsidy.locator('details.citation summary').click();
  await expect(subsidy.locator('details.citation')).toContainText('伊政发〔2022〕35号');
  await expectNoAxeViolations(page, 'ejinhoro results');
});

test('会宁县: grade-1 visual disability, looking for work', async ({ page }) => {
  await journey(page, {
    helper: 2,
    place: 3,
    answers: { disabilities: ['visual', 1], certificate: 'yes', age: 30, residence: 1, household_status: 1, needs: [4, 3], able_to_work: 'yes', employment: 4, student: 'no' },
  });
  await expect(card(page, '一、二级残疾人免费乘坐县内公共交通').locator('.tag')).toContainText('可以申请');
});

test('大武口区: five-year-old with an intellectual disability (draft document)', async ({ page }) => {
  await journey(page, {
    place: 4,
    answers: { disabilities: ['intellectual', 2], certificate: 'yes', age: 5, autism: 'no', residence: 0, household_status: 0, needs: [0], student: 'no' },
  });
  const rehab = card(page, '0至6岁残疾儿童康复救助');
  await expect(rehab.locator('.amount')).toHaveText('最多 20,000 元');
  // The draft is said once, at the top of the page, not on every card.
  await expect(page.locator('main .warning').first()).toContainText('征求意见稿');
  await expect(rehab.locator('.warning', { hasText: '征求意见稿' })).toHaveCount(0);
});

test('somewhere else: a clear answer that the local rules do not apply, and what to ask about', async ({ page }) => {
  await journey(page, { place: 5, answers: { certificate: 'yes', household_status: 3, needs: [7, 1] } });
  await expect(page.locator('.notice h2')).toHaveText('本工具收录的地方政策不适用于其他地区');
  await expect(page.locator('#group-service')).toBeVisible();
  await expect(card(page, '法律援助').locator('.tag')).toContainText('去问一问');
  // Only the national rules can be 'you can apply' outside the five places: here the hardship living subsidy (dibao).
  await expect(card(page, '困难残疾人生活补贴').locator('.tag')).toContainText('可以申请');
  const likely = await page.locator('#group-likely ~ article.finding h3, section:has(#group-likely) article.finding').count();
  expect(likely).toBeGreaterThan(0);
});

test('English journey', async ({ page }) => {
  await journey(page, {
    place: 2,
    lang: 'en',
    // Rural: 2,000 a year for grade 3-4 mental disability (3,000 in town).
    answers: { disabilities: ['mental', 4], certificate: 'yes', local_hukou: 'yes', age: 38, residence: 1, household_status: 0, needs: [], student: 'no' },
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/Your results/);
  await expect(card(page, 'grade 3').first().locator('.amount')).toContainText('2,000 yuan a year');
  await expectNoAxeViolations(page, 'results in English');
});

test('keyboard only, from the start page to the results', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  // Skip link first, then the header links; Enter on the start button.
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.locator('a.button-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
  // Radios: Tab into the group, arrows to choose, Enter submits.
  const choose = async (downs) => {
    await page.locator('input[type=radio]').first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  };
  await choose(0); // myself
  await expect(page.locator('main h1')).toHaveText('在哪个地方申请？');
  await choose(2); // the third place in the list: 伊金霍洛旗
  for (let i = 0; i < 40; i++) {
    await settle(page);
    const form = page.locator('form[data-form="answer"]');
    if (!(await form.count())) break;
    // "Not sure" by keyboard: Tab to the button, Enter.
    await page.locator('button[value="not_sure"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('main h1')).toBeFocused();
  }
  await expect(page.locator('main h1')).toHaveText('核对您的回答');
  await page.getByRole('button', { name: '查看结果' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await expect(page.locator('#group-possible')).toBeVisible();
});

test('back, reload and the back link keep the answers', async ({ page }) => {
  await page.goto('/#where/1.H0');
  await appReady(page);
  await page.locator('input[name="answer"][value="2"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  // Whatever the engine asks first, go to the disability question with the same answers.
  await settle(page);
  await page.goto(page.url().replace(/#q-[a-z_]+\//, '#q-disabilities/'));
  await appReady(page);
  await page.locator('#kind-3').check();
  await page.locator('#grade-1').check();
  await page.locator('button[value="continue"]').click();
  await expect(page.locator('form[data-fact="disabilities"]')).toHaveCount(0);
  // Now on the next question. Reload: same page, same answers in the address.
  const before = page.url();
  expect(before).toContain('.a31');
  await page.reload();
  await appReady(page);
  expect(page.url()).toBe(before);
  // Browser back returns to the disability question with the answer still chosen.
  await page.goBack();
  await appReady(page);
  await expect(page.locator('main h1')).toContainText('残疾类别和等级');
  await expect(page.locator('#kind-3')).toBeChecked();
  await expect(page.locator('#grade-1')).toBeChecked();
  // The on-page back link goes further back; the disability answer stays in the address.
  await page.locator('.back-link').click();
  expect(page.url()).toContain('.a31');
  await page.goto('/#where/' + page.url().split('/').pop());
  await appReady(page);
  await expect(page.locator('input[name="answer"][value="2"]')).toBeChecked();
});

test('invalid input: error summary takes focus, other answers stay', async ({ page }) => {
  await page.goto('/#q-age/1.J2.H0.Qa.a31');
  await appReady(page);
  await page.locator('#answer-number').fill('一百五');
  await page.locator('button[value="continue"]').click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('请只填写数字');
  await expect(page).toHaveTitle(/^错误：/);
  await expect(page.locator('#answer-number')).toHaveValue('一百五');
  await expectNoAxeViolations(page, 'question with error');
  // The summary link moves to the field.
  await summary.locator('a').click();
  await expect(page.locator('#answer-number')).toBeFocused();
  await page.locator('#answer-number').fill('200');
  await page.locator('button[value="continue"]').click();
  await expect(page.locator('#question-error')).toContainText('0 到 120');
  expect(page.url()).toContain('.a31'); // the disability answer is still there
  await page.locator('#answer-number').fill('45');
  await page.locator('button[value="continue"]').click();
  await expect(page.locator('.error-summary')).toHaveCount(0);
  expect(page.url()).toContain('.d45');
});

test('a damaged link shows a message and an empty start', async ({ page }) => {
  await page.goto('/#results/1.J2.a99');
  await appReady(page);
  await expect(page.locator('.notice')).toContainText('不完整或已损坏');
  await expect(page.locator('main h1')).toHaveText('看看您可以申请哪些残疾人补贴和服务');
});

test('display settings: the same control keeps focus and the panel stays open', async ({ page }) => {
  await page.goto('/#q-age/1.J2.H0');
  await appReady(page);
  await page.locator('#answer-number').waitFor();
  await page.locator('details.settings summary').click();
  await page.getByRole('link', { name: '大', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-size', 'large');
  await expect(page.locator('details.settings')).toHaveAttribute('open', '');
  await expect(page.locator('.chip[aria-current]').first()).toBeFocused();
  await expect(page.locator('#answer-number')).toBeVisible();
});

test('a failed download says so and tries again only when asked', async ({ page }) => {
  let blocked = true;
  let attempts = 0;
  await page.route(/rules-ejinhoro\.[0-9a-f]+\.bin$/, (route) => {
    attempts += 1;
    return blocked ? route.abort() : route.continue();
  });
  await page.goto('/#q-age/1.J2.H0');
  await appReady(page);
  await expect(page.locator('.notice[role=alert]')).toContainText('没能加载');
  await expect(page.locator('main h1')).toHaveText('您今年几岁？');
  await page.waitForTimeout(1000);
  expect(attempts).toBe(1); // no retry loop
  blocked = false;
  await page.getByRole('button', { name: '再试一次' }).click();
  await expect(page.locator('#answer-number')).toBeVisible();
});
