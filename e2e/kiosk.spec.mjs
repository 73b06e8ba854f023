// Kiosk mode: strangers one after another. The idle timer warns, then wipes every answer: nothing
// in the page, the address, storage or history; Back does not bring the answers back.
import { test, expect } from '@playwright/test';
import { appReady, answerQuestions, settle } from './helpers.mjs';

test('idle timeout warns, then clears everything', async ({ page }) => {
  await page.goto('/?kiosk=1&idle=6');
  await appReady(page);
  const startLength = await page.evaluate(() => history.length);
  await expect(page.locator('.kiosk-finish')).toBeVisible();
  await page.locator('a.button-start').click();
  await page.locator('input[name="answer"][value="1"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.locator('input[name="answer"][value="2"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await settle(page);
  await answerQuestions(page, { disabilities: ['physical', 1], certificate: 'yes', local_hukou: 'yes', age: 45 }, async (p, fact) => {
    if (!['disabilities', 'certificate', 'local_hukou', 'age'].includes(fact)) throw new Error('enough');
  }).catch(() => {});
  expect(page.url()).toContain('.X6');
  expect(await page.evaluate(() => history.length)).toBe(startLength); // no entries added
  // Leave it alone: first the warning, then the start page.
  await expect(page.locator('.idle-warning')).toBeVisible({ timeout: 8000 });
  await expect(page.locator('#idle-title')).toHaveText('还在使用吗？');
  await expect(page.locator('.idle-warning')).toBeHidden({ timeout: 8000 });
  await expect(page.locator('main h1')).toHaveText('看看您可以申请哪些残疾人补贴和服务');
  // Nothing of the last person is left.
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toMatch(/^#start\/1\.X6$/);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect(await page.evaluate(() => history.length)).toBe(startLength);
  expect(await page.content()).not.toContain('您今年几岁');
  await page.goBack().catch(() => {});
  expect(page.url()).not.toMatch(/\.J2|\.a31|\.d45/);
});

test('a touch keeps the session; "finish and clear" clears at once', async ({ page }) => {
  await page.goto('/?kiosk=1&idle=6');
  await appReady(page);
  await page.locator('a.button-start').click();
  await page.locator('input[name="answer"][value="0"]').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('.idle-warning')).toBeVisible({ timeout: 8000 });
  await page.mouse.click(5, 400);
  await expect(page.locator('.idle-warning')).toBeHidden();
  await expect(page.locator('main h1')).toHaveText('在哪个地方申请？');
  await page.locator('.kiosk-finish').click();
  await expect(page.locator('main h1')).toHaveText('看看您可以申请哪些残疾人补贴和服务');
  expect(await page.evaluate(() => location.hash)).toBe('#start/1.X6');
});
