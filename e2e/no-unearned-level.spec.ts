/**
 * No unearned level on screen (issue 14): a pupil who presses « Je passe » on every question of a
 * competence evaluation (1.2, with the engine the node gives new evaluations) is never congratulated,
 * neither after a skip nor after a reload mid-test, and ends at level 0 on the results, the competence page
 * and the profile. Every engine (and what each infers from skips) is checked on the whole shipped pack by
 * scripts/content/shipped-pack-levels.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerNext, loadChallenges, passGameRules } from './support/answering';
import { loginAs } from './support/pupil';

const COMPETENCE = '1.2';

/** Every text a level-up banner ever had on this page load (a MutationObserver set up before the app runs). */
async function levelUpsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { levelUpsSeen?: Set<string> }).levelUpsSeen ?? [])]);
}

test('a pupil who skips every question of 1.2 never sees a level above 0', async ({ page }) => {
  test.setTimeout(180_000);
  const challenges = await loadChallenges();
  // Catches a banner even if it shows for a single frame: checking only after each step could miss it.
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { levelUpsSeen: Set<string> }).levelUpsSeen = seen;
    new MutationObserver(() => {
      for (const banner of document.querySelectorAll('[data-testid="level-up"]')) seen.add(banner.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await loginAs(page, 'gabriel.perrin2509');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Gabriel');
  await page.goto(`/competences/${COMPETENCE}`);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await passGameRules(page);

  const banner = page.getByTestId('level-up');
  const nextScreen = page
    .locator('form[data-challenge-id]')
    .or(page.getByTestId('timed-warning'))
    .or(page.getByTestId('checkpoint'))
    .or(page.getByRole('heading', { name: 'Vous avez terminé le test' }));
  let skipped = 0;
  let reloaded = false;
  for (let guard = 0; guard < 80; guard++) {
    const step = await answerNext(page, challenges, 'skip');
    if (!step) break;
    expect(step.result).toBe('aband');
    skipped++;
    await expect(nextScreen.first()).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(await levelUpsSeen(page), `après ${skipped} « Je passe »`).toEqual([]);
    if (skipped === 2) {
      // A reload mid-test resumes the test and announces nothing. Reloaded once the answers are at the node,
      // so that this test is about the banner only (a reload before the push is acknowledged is
      // reload-before-ack.spec.ts's).
      await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });
      await page.reload();
      reloaded = true;
      await expect(nextScreen.first()).toBeVisible();
      await expect(banner).toHaveCount(0);
      expect(await levelUpsSeen(page), 'après le rechargement').toEqual([]);
    }
  }
  expect(skipped).toBeGreaterThanOrEqual(3);
  expect(reloaded).toBe(true);

  await expect(page.getByRole('heading', { name: 'Vous avez terminé le test' })).toBeVisible();
  await expect(page.getByTestId('result-level')).toHaveText('0');
  await expect(banner).toHaveCount(0);
  expect(await levelUpsSeen(page)).toEqual([]);

  await page.goto(`/competences/${COMPETENCE}`);
  await expect(page.getByTestId('detail-score')).toContainText('Niveau 0 · 0 pix');
  await page.goto('/competences');
  const card = page.getByTestId('competence-card').filter({ hasText: `${COMPETENCE} ` });
  await expect(card.getByTestId('card-level')).toHaveText('0');
  await expect(page.getByTestId('card-level').filter({ hasNotText: /^0$/ })).toHaveCount(0);
  await expect(page.getByTestId('total-pix')).toHaveText('0');
});
