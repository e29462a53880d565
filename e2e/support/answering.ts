/**
 * Answering challenges in browser tests: reads the displayed challenge's id, looks it up in the content pack
 * the node serves (content/dist/pack.json: the test node loads that file; over HTTP it is for logged-in users
 * only), and answers it right (QCU, QCM, QROC) or presses "Je passe" (QROCM, or when asked to fail).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackChallenge {
  id: string;
  type: 'QCU' | 'QCM' | 'QROC' | 'QROCM-ind' | 'QROCM-dep';
  competenceId: string;
  skillId: string;
  proposals: string;
  solution: { value: string };
  timer?: number;
}

/** The pack the test node serves (it loads content/dist/pack.json). */
export function shippedPack<T = { challenges: PackChallenge[]; competences: { id: string; index: string; name: string }[] }>(): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'dist', 'pack.json'), 'utf8')) as T;
}

export async function loadChallenges(): Promise<Map<string, PackChallenge>> {
  return new Map(shippedPack().challenges.map((c) => [c.id, c]));
}

/** Starts a timed challenge if its warning is shown, then returns the displayed challenge. */
export async function currentChallenge(page: Page, challenges: Map<string, PackChallenge>): Promise<PackChallenge> {
  const warning = page.getByTestId('timed-warning');
  const form = page.locator('form[data-challenge-id]');
  await expect(warning.or(form)).toBeVisible();
  if (await warning.isVisible()) await page.getByRole('button', { name: "Commencer l'épreuve" }).click();
  // A simulator loads after the challenge shows, and its scripts may move the focus (and scroll the page):
  // answer once it has loaded, as a pupil reading the instruction would.
  await expect(form.locator('[aria-busy="true"]')).toHaveCount(0);
  const id = await form.getAttribute('data-challenge-id');
  const challenge = challenges.get(id ?? '');
  if (!challenge) throw new Error(`épreuve inconnue : ${id}`);
  return challenge;
}

/**
 * Clicks once the page has stopped scrolling. A simulator runs in a sandboxed frame (opaque origin),
 * which Chromium puts in its own process; scrolls of a page with such a frame land asynchronously, and
 * a click aimed during one can hit the frame instead of the button below it.
 */
export async function settledClick(target: Locator): Promise<void> {
  const page = target.page();
  await target.scrollIntoViewIfNeeded();
  let last = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY)))));
      const settled = y === last;
      last = y;
      return settled;
    })
    .toBe(true);
  await target.click();
}

/** Answers the displayed challenge; returns true when it was answered right. */
export async function answer(page: Page, challenge: PackChallenge, mode: 'right' | 'skip'): Promise<boolean> {
  const form = page.locator(`form[data-challenge-id="${challenge.id}"]`);
  if (mode === 'skip' || challenge.type.startsWith('QROCM')) {
    await settledClick(form.getByRole('button', { name: 'Je passe' }));
    return false;
  }
  if (challenge.type === 'QCU') {
    await settledClick(form.locator('.fr-radio-group label').nth(Number(challenge.solution.value.trim()) - 1));
  } else if (challenge.type === 'QCM') {
    for (const n of challenge.solution.value.split(',')) await settledClick(form.locator('.fr-checkbox-group label').nth(Number(n.trim()) - 1));
  } else {
    const first = challenge.solution.value.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    await form.locator('input.fr-input, textarea.fr-input').first().fill(first);
  }
  await settledClick(form.getByRole('button', { name: 'Je valide' }));
  return true;
}

/**
 * Goes past a checkpoint if one is shown, answers the next challenge and returns its id with the result the
 * device must have computed ('ok' for a right answer, 'aband' for "Je passe"). Returns null at the end.
 */
export async function answerNext(
  page: Page,
  challenges: Map<string, PackChallenge>,
  mode: 'right' | 'skip' = 'right',
): Promise<{ challengeId: string; result: 'ok' | 'aband' } | null> {
  for (let guard = 0; guard < 5; guard++) {
    const checkpoint = page.getByTestId('checkpoint');
    const results = page.getByRole('heading', { name: /Vous avez terminé le test|Vous maîtrisez/ });
    const step = page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning'));
    await expect(checkpoint.or(results).or(step).first()).toBeVisible();
    if (await results.isVisible()) return null;
    if (await checkpoint.isVisible()) {
      await page.getByRole('button', { name: /Continuer|Voir mes résultats/ }).first().click();
      continue;
    }
    const challenge = await currentChallenge(page, challenges);
    const right = await answer(page, challenge, mode);
    await expect(page.locator(`form[data-challenge-id="${challenge.id}"]`)).toHaveCount(0);
    return { challengeId: challenge.id, result: right ? 'ok' : 'aband' };
  }
  throw new Error('ni question, ni fin de test');
}

/** Skips the first-use "règles du jeu" when they are shown. */
export async function passGameRules(page: Page) {
  const rules = page.getByTestId('game-rules');
  const step = page.locator('form[data-challenge-id]').or(page.getByTestId('timed-warning'));
  await expect(rules.or(step).first()).toBeVisible();
  if (!(await rules.isVisible())) return;
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Je commence' }).click();
}
