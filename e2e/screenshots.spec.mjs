// Screenshots at phone (412×915) and kiosk portrait (1080×1920) size, in both languages: start, a
// question, results, a relative's plan and the print preview. Written to screenshots/ (the path is printed).
import { test } from '@playwright/test';
import path from 'node:path';
import { appReady } from './helpers.mjs';

const dir = path.resolve('screenshots');
const answered = '1.J2.H0.Qabcdefg.a31.b1.c1.d45.e0.f3.g6';
const shots = [
  ['start', 'start/1'],
  ['question', 'q-household_status/1.J2.H1.Qabc.a31.b1.c1'],
  ['results', `results/${answered}`],
  // A relative's plan for a husband and his wife (伊金霍洛旗).
  ['plan', 'plan/2.J2.H1.N1.P.S18ee00020.QabcdefwxzvABFG.a31.b1.c1.d45.e1.Pe5a6bbe5ad90.S1002de.Qbcadgejhu.a43'],
];
test.beforeAll(() => console.log(`screenshots: ${dir}`));

for (const [device, viewport] of [['phone', { width: 412, height: 915 }], ['kiosk', { width: 1080, height: 1920 }]]) {
  for (const [lang, suffix] of [['zh', ''], ['en', '.L1']]) {
    test(`screenshots ${device} ${lang}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const [name, address] of shots) {
        await page.goto(`/#${address}${suffix}${device === 'kiosk' ? '.T1' : ''}`);
        await appReady(page);
        await page.screenshot({ path: path.join(dir, `${device}-${lang}-${name}.png`), fullPage: name !== 'results' && name !== 'plan' });
      }
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(dir, `${device}-${lang}-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    });
  }
}

test('screenshot kiosk idle warning', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/?kiosk=1&idle=6#q-age/1.J2.H0.X6');
  await appReady(page);
  await page.locator('.idle-warning').waitFor({ state: 'visible', timeout: 8000 });
  await page.screenshot({ path: path.join(dir, 'kiosk-zh-idle-warning.png') });
});
