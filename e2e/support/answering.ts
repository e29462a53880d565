/**
 * Answering challenges in browser tests: reads the displayed challenge's id, looks it up in the content pack
 * the node serves, and answers it right (QCU, QCM, QROC) or presses "Je passe" (QROCM, or when asked to fail).
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface PackChallenge {
  id: string;
  type: 'QCU' | 'QCM' | 'QROC' | 'QROCM-ind' | 'QROCM-dep';
  competenceId: string;
  skillId: string;
  proposals: string;
  solution: { value: string };
  timer?: number;
}

export async function loadChallenges(request: APIRequestContext): Promise<Map<string, PackChallenge>> {
  const pack = (await (await request.get('/content/pack.json')).json()) as { challenges: PackChallenge[] };
  return new Map(pack.challenges.map((c) => [c.id, c]));
}

/** Starts a timed challenge if its warning is shown, then returns the displayed challenge. */
export async function currentChallenge(page: Page, challenges: Map<string, PackChallenge>): Promise<PackChallenge> {
  const warning = page.getByTestId('timed-warning');
  const form = page.locator('form[data-challenge-id]');
  await expect(warning.or(form)).toBeVisible();
  if (await warning.isVisible()) await page.getByRole('button', { name: "Commencer l'épreuve" }).click();
  const id = await form.getAttribute('data-challenge-id');
  const challenge = challenges.get(id ?? '');
  if (!challenge) throw new Error(`épreuve inconnue : ${id}`);
  return challenge;
}

/** Answers the displayed challenge; returns true when it was answered right. */
export async function answer(page: Page, challenge: PackChallenge, mode: 'right' | 'skip'): Promise<boolean> {
  const form = page.locator(`form[data-challenge-id="${challenge.id}"]`);
  if (mode === 'skip' || challenge.type.startsWith('QROCM')) {
    await form.getByRole('button', { name: 'Je passe' }).click();
    return false;
  }
  if (challenge.type === 'QCU') {
    await form.locator('.fr-radio-group label').nth(Number(challenge.solution.value.trim()) - 1).click();
  } else if (challenge.type === 'QCM') {
    for (const n of challenge.solution.value.split(',')) await form.locator('.fr-checkbox-group label').nth(Number(n.trim()) - 1).click();
  } else {
    const first = challenge.solution.value.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    await form.locator('input.fr-input, textarea.fr-input').first().fill(first);
  }
  await form.getByRole('button', { name: 'Je valide' }).click();
  return true;
}
