// Privacy: nothing is stored by default; "remember my answers" is opt-in and "forget" removes them;
// a kiosk never offers to store.
import { test, expect } from '@playwright/test';
import { appReady, journey, kioskGoto } from './helpers.mjs';

const stored = (page) => page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));

test('nothing is stored unless asked; remember and forget', async ({ page }) => {
  await journey(page, { place: 0, answers: { disabilities: ['physical', 2], certificate: 'yes', age: 52 } });
  expect(await stored(page)).toEqual({ local: 0, session: 0, cookies: '' });
  await page.getByRole('button', { name: '在这台手机上记住我的回答' }).click();
  await expect(page.getByText('您的回答已保存在这台手机上。')).toBeVisible();
  expect((await stored(page)).local).toBe(1);
  // Next visit: the start page offers the kept answers.
  await page.goto('/');
  await page.reload();
  await appReady(page);
  await expect(page.getByText('这台手机上保存了您上次的回答。')).toBeVisible();
  await page.getByRole('button', { name: '接着上次的回答' }).click();
  await expect(page.locator('main h1')).toHaveText('核对您的回答');
  await expect(page.locator('.summary-list')).toContainText('肢体残疾');
  // Forget: gone from storage and from the page.
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.getByRole('button', { name: '删除保存的回答' }).click();
  await expect(page.getByRole('button', { name: '在这台手机上记住我的回答' })).toBeVisible();
  expect((await stored(page)).local).toBe(0);
});

test('a kiosk never offers to store answers', async ({ page }) => {
  await kioskGoto(page, 'results/1.J2.H0.Qa.a31');
  await expect(page.locator('main h1')).toHaveText('测算结果');
  await expect(page.locator('[data-action="remember"]')).toHaveCount(0);
  expect(await stored(page)).toEqual({ local: 0, session: 0, cookies: '' });
});
