/**
 * §2.4 in the browser: a week after a campaign question, the pupil resets that competence; the campaign,
 * not sent yet, starts again with a fresh assessment that may ask the reset skills again.
 */
import { expect, test } from '@playwright/test';
import { answerNext, loadChallenges, passGameRules, shippedPack } from './support/answering';
import { loginAs } from './support/pupil';

const DAY_MS = 24 * 60 * 60 * 1000;

test('resetting a competence restarts the unsent campaign that asks it', async ({ page }) => {
  test.setTimeout(180_000);
  const challenges = await loadChallenges();
  const pack = shippedPack();
  await page.clock.install();
  await loginAs(page, 'jade.nguyen2310');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Jade');
  await page.goto('/campagnes/CLGJMA501');
  await page.getByRole('button', { name: 'Je commence' }).click();
  await passGameRules(page);
  // The competence of the first question answered right (the helper presses « Je passe » on QROCM, and the
  // engine's first question depends on the assessment's random id).
  let earned: string | undefined;
  for (let i = 0; i < 3 || (earned === undefined && i < 12); i++) {
    const answered = await answerNext(page, challenges, 'right');
    expect(answered).not.toBeNull();
    if (answered?.result === 'ok' && earned === undefined) earned = challenges.get(answered.challengeId)?.competenceId;
  }
  const firstAssessment = new URL(page.url()).pathname;
  expect(firstAssessment).toMatch(/^\/evaluations\//);
  const competence = pack.competences.find((c) => c.id === earned);
  if (!competence) throw new Error(`aucune bonne réponse, ou compétence inconnue : ${earned}`);

  // Too early: no « Réinitialiser » the same day.
  await page.goto(`/competences/${competence.index}`);
  await expect(page.getByTestId('detail-score')).not.toHaveText('Niveau 0 · 0 pix');
  await expect(page.getByRole('button', { name: 'Réinitialiser' })).toHaveCount(0);

  // Eight days later.
  await page.clock.setSystemTime(new Date(Date.now() + 8 * DAY_MS));
  await page.reload();
  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('y compris dans vos parcours dont les résultats ne sont pas encore envoyés');
  await page.getByRole('button', { name: 'Oui, réinitialiser' }).click();
  await expect(page.getByTestId('detail-score')).toHaveText('Niveau 0 · 0 pix');
  // The dialog closes once every write of the reset is done (campaigns included).
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.goto('/campagnes/CLGJMA501');
  await expect(page.getByText('Vous avez commencé ce parcours.')).toBeVisible();
  const resume = page.getByRole('link', { name: 'Reprendre' });
  const fresh = await resume.getAttribute('href');
  expect(fresh).toMatch(/^\/evaluations\//);
  expect(fresh).not.toBe(firstAssessment);
  await resume.click();
  await expect(page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning'))).toBeVisible();
  await expect(page.getByTestId('sync-status').first()).toHaveText('Synchronisé', { timeout: 30_000 });

  // The node has both: the first one aborted, the fresh one started, on the same participation.
  const assessments = (await (await page.request.get('/api/sync/assessments/pull?limit=100')).json()) as { documents: { id: string; state: string; campaignParticipationId?: string }[] };
  const ofCampaign = assessments.documents.filter((a) => a.campaignParticipationId);
  expect(ofCampaign.map((a) => [a.id === firstAssessment.split('/').pop() ? 'first' : 'fresh', a.state]).sort()).toEqual([['first', 'aborted'], ['fresh', 'started']]);
});
