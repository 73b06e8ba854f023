// Screenshots at phone (412×915) and kiosk portrait (1080×1920) size, in both languages: start, a
// question, results, a relative's plan and the print preview. Written to screenshots/ (the path is printed).
import { test } from '@playwright/test';
import path from 'node:path';
import { answerQuestions, appReady } from './helpers.mjs';

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

// Kiosk mode proper (?kiosk=1): an address with answers is never followed there, so the pages are
// reached as a person would, through the questions.
for (const lang of ['zh', 'en']) {
  test(`screenshots kiosk mode ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1080, height: 1920 });
    const shot = (name) => page.screenshot({ path: path.join(dir, `kiosk-mode-${lang}-${name}.png`) });
    await page.goto('/?kiosk=1&idle=20');
    await appReady(page);
    if (lang === 'en') {
      await page.locator('.lang-switch').click();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    }
    await shot('start');
    await page.locator('a.button-start').click();
    await page.locator('input[name="answer"][value="0"]').check();
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await page.locator('input[name="answer"][value="2"]').check();
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await answerQuestions(page, { disabilities: ['physical', 1], certificate: 'yes', local_hukou: 'yes', age: 45 }, async (p, fact) => {
      if (fact === 'certificate') await shot('question');
      if (fact === 'age') {
        for (const d of '45') await page.locator(`.pad-key[data-key="${d}"]`).click();
        await shot('number-pad');
        await page.locator('#answer-number').fill('');
      }
    });
    await page.getByRole('button', { name: /查看结果|See results/ }).click();
    await page.locator('main h1').filter({ hasText: /测算结果|Your results/ }).waitFor();
    await shot('results');
    await page.locator('.kiosk-finish').click();
    await page.locator('.finish-confirm').waitFor({ state: 'visible' });
    await shot('finish-confirm');
    await page.keyboard.press('Escape');
    await page.locator('.idle-warning').waitFor({ state: 'visible', timeout: 20_000 });
    await shot('idle-warning');
  });
}
