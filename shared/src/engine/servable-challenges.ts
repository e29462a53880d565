/**
 * Which challenges an engine may serve: operative ones (`validé` or `archivé`, §1.3) in the learner's
 * locale. A locale matches exactly ("fr-fr") or by language ("fr-fr" ↔ "fr"), which is the fallback
 * Pix applies to campaigns; with no locale every challenge matches.
 */
import { isOperative } from '../model/pix-values';
import type { Challenge } from '../model/types';
import type { PackIndex } from '../model/pack-index';

function languageOf(locale: string): string {
  return locale.toLowerCase().split('-')[0];
}

export function matchesLocale(challenge: Pick<Challenge, 'locales'>, locale?: string): boolean {
  if (locale === undefined) return true;
  const wanted = locale.toLowerCase();
  const language = languageOf(wanted);
  return challenge.locales.some((l) => l.toLowerCase() === wanted || languageOf(l) === language);
}

/** Servable challenges of a skill, in pack order. */
export function servableChallenges(index: PackIndex, skillId: string, locale?: string): Challenge[] {
  return (index.challengesBySkillId.get(skillId) ?? []).filter((c) => isOperative(c) && matchesLocale(c, locale));
}

/** The challenge is timed iff it has a finite timer (§1.3). */
export function isTimed(challenge: Pick<Challenge, 'timer'>): boolean {
  return typeof challenge.timer === 'number' && Number.isFinite(challenge.timer);
}
