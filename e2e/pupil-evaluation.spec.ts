/**
 * A full competence evaluation in the browser: game rules, challenges, a checkpoint with corrections and a
 * saved tutorial, a level reached, the end-of-test screen, "Mes tutos".
 */
import { expect, test } from '@playwright/test';
import { answer, currentChallenge, loadChallenges } from './support/answering';
import { loginAs } from './support/pupil';

test('a pupil runs a competence evaluation to its end', async ({ page }) => {
  test.setTimeout(180_000);
  const challenges = await loadChallenges();
  await loginAs(page, 'ines.moreau2701');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Inès, découvrez votre tableau de bord');
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();

  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await page.getByRole('link', { name: "1.1 Mener une recherche et une veille d'information" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1.1');
  await page.getByRole('button', { name: 'Commencer' }).click();

  // First use: the four "règles du jeu" cards.
  await expect(page.getByTestId('game-rules')).toContainText('Vous pouvez rechercher sur internet');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByTestId('game-rules')).toContainText('Un niveau de difficulté adapté');
  await page.getByRole('button', { name: 'Je commence' }).click();

  let answered = 0;
  let sawCheckpoint = false;
  let sawLevelUp = false;
  for (let guard = 0; guard < 60; guard++) {
    const checkpoint = page.getByTestId('checkpoint');
    const results = page.getByRole('heading', { name: 'Vous avez terminé le test' });
    const challengeOrWarning = page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning'));
    await expect(checkpoint.or(results).or(challengeOrWarning).first()).toBeVisible();
    if (await results.isVisible()) break;
    if (await checkpoint.isVisible()) {
      await expect(page.getByRole('heading', { name: 'Vos réponses' })).toBeVisible();
      await expect(page.getByTestId('checkpoint-progress')).toContainText('avancement');
      if (!sawCheckpoint) {
        sawCheckpoint = true;
        await expect(page.getByTestId('answer-review')).toHaveCount(5);
        await page.getByRole('button', { name: 'Réponses et tutos' }).first().click();
        const correction = page.getByTestId('correction');
        await expect(correction).toContainText('Votre réponse');
        await expect(correction).toContainText('Bonne réponse');
        await correction.getByRole('button', { name: 'Enregistrer' }).first().click();
        await expect(correction.getByRole('button', { name: 'Enregistré' }).first()).toBeVisible();
      }
      await page.getByRole('button', { name: /Continuer|Voir mes résultats/ }).first().click();
      continue;
    }
    const challenge = await currentChallenge(page, challenges);
    await expect(page.getByTestId('progress-dots')).toBeVisible();
    await answer(page, challenge, 'right');
    // wait until the answered challenge has left the screen (saved, next step rendered)
    await expect(page.locator(`form[data-challenge-id="${challenge.id}"]`)).toHaveCount(0);
    answered++;
    if (await page.getByTestId('level-up').isVisible()) sawLevelUp = true;
  }
  expect(answered).toBeGreaterThanOrEqual(5);
  expect(sawCheckpoint).toBe(true);
  await expect(page.getByTestId('competence-result')).toBeVisible();
  const level = Number(await page.getByTestId('result-level').textContent());
  expect(level).toBeGreaterThanOrEqual(1);
  expect(sawLevelUp || level >= 1).toBe(true);

  await page.getByRole('link', { name: 'Mes tutos' }).first().click();
  await page.getByRole('tab', { name: /Enregistrés/ }).click();
  await expect(page.getByTestId('tutorial-card')).toHaveCount(1);

  await page.getByRole('link', { name: 'Compétences' }).first().click();
  await expect(page.getByTestId('total-pix')).not.toHaveText('0');
});

test('an empty answer is refused with a clear message', async ({ page }) => {
  await loginAs(page, 'hugo.lefevre1109');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Hugo');
  await page.goto('/competences/2.1');
  await page.getByRole('button', { name: 'Commencer' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Je commence' }).click();
  const warning = page.getByTestId('timed-warning');
  const form = page.locator('form[data-challenge-id]');
  await expect(warning.or(form)).toBeVisible();
  if (await warning.isVisible()) await page.getByRole('button', { name: "Commencer l'épreuve" }).click();
  await form.getByRole('button', { name: 'Je valide' }).click();
  await expect(form.getByRole('alert')).toContainText('Pour valider');
});
