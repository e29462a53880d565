/**
 * Badges ("résultats thématiques", §4.2). A criterion has a threshold on:
 * - `CampaignParticipation`: the campaign mastery percentage;
 * - `CappedTubes`: the percentage of validated skills among the listed capped tubes.
 * Acquisition % = min(100, round(mastery% / threshold × 100)) (100 when the threshold is 0);
 * a criterion is fulfilled iff 100; a badge is acquired iff every criterion is fulfilled. The badge's
 * own percentage is the rounded mean of its criteria (not verified in Pix's code: our choice).
 */
import type { PackIndex } from '../model/pack-index';
import type { Badge, BadgeCriterion, KnowledgeElement } from '../model/types';
import { masteryRate, skillsOfCappedTubes, validatedSkillIds } from './campaign-skills';

export interface CriterionResult {
  scope: BadgeCriterion['scope'];
  threshold: number;
  masteryPercent: number;
  acquisitionPercent: number;
  fulfilled: boolean;
}

export interface BadgeResult {
  badgeId: string;
  key: string;
  title: string;
  isCertifiable: boolean;
  acquired: boolean;
  acquisitionPercent: number;
  criteria: CriterionResult[];
}

export function criterionAcquisitionPercent(masteryPercent: number, threshold: number): number {
  if (threshold <= 0) return 100;
  return Math.min(100, Math.round((masteryPercent / threshold) * 100));
}

export interface BadgeContext {
  index: PackIndex;
  currentKes: KnowledgeElement[];
  /** campaign mastery rate, 0..1 */
  campaignMasteryRate: number;
}

function criterionMasteryPercent(criterion: BadgeCriterion, ctx: BadgeContext): number {
  if (criterion.scope === 'CampaignParticipation') return ctx.campaignMasteryRate * 100;
  const skills = skillsOfCappedTubes(ctx.index, criterion.cappedTubes ?? []);
  return masteryRate(validatedSkillIds(ctx.currentKes, skills).size, skills.length) * 100;
}

export function badgeResult(badge: Badge, ctx: BadgeContext): BadgeResult {
  const criteria = badge.criteria.map((criterion) => {
    const masteryPercent = criterionMasteryPercent(criterion, ctx);
    const acquisitionPercent = criterionAcquisitionPercent(masteryPercent, criterion.threshold);
    return { scope: criterion.scope, threshold: criterion.threshold, masteryPercent, acquisitionPercent, fulfilled: acquisitionPercent === 100 };
  });
  const mean = criteria.length === 0 ? 0 : criteria.reduce((sum, c) => sum + c.acquisitionPercent, 0) / criteria.length;
  return {
    badgeId: badge.id,
    key: badge.key,
    title: badge.title,
    isCertifiable: badge.isCertifiable,
    acquired: criteria.length > 0 && criteria.every((c) => c.fulfilled),
    acquisitionPercent: Math.round(mean),
    criteria,
  };
}
