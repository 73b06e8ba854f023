// Hand-off to a phone: the QR link opened in a fresh browser shows the same results; a damaged or
// truncated link shows a message and an empty start.
import { test, expect } from '@playwright/test';
import { appReady, journey } from './helpers.mjs';

const names = (page) => page.locator('section.result-group:not(.no-print) article.finding h3').allTextContents();

test('the QR link opens the same results in a fresh browser', async ({ page, browser }) => {
  await journey(page, { place: 2, answers: { disabilities: ['intellectual', 3], certificate: 'yes', local_hukou: 'yes', age: 30, household_status: 3 } });
  await expect(page.locator('.handoff svg.qr')).toBeVisible();
  const link = await page.locator('[data-handoff]').textContent();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#results\/1\./);
  const before = await names(page);
  expect(before.length).toBeGreaterThan(0);
  const phone = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const other = await phone.newPage();
  await other.goto(link);
  await appReady(other);
  await expect(other.locator('main h1')).toHaveText('测算结果');
  await expect(other.locator('article.finding').first()).toBeVisible();
  expect(await names(other)).toEqual(before);
  // A cut link: a message and the start page, never a blank page.
  await other.goto(link.slice(0, link.length - 3) + 'Z~');
  await appReady(other);
  await expect(other.locator('.notice')).toContainText('不完整或已损坏');
  // A link from a future version.
  await other.goto(link.replace('#results/1.', '#results/7.'));
  await appReady(other);
  await expect(other.locator('.notice')).toContainText('另一个版本');
  await phone.close();
});
