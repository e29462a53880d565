import { describe, expect, it } from 'vitest';
import { buildIndex, buildKnowledgeElement, buildTargetProfile, skillIdOf } from '../testing/builders';
import type { Badge, KnowledgeElement, Stage } from '../model/types';
import { badgeResult, criterionAcquisitionPercent } from './badges';
import { campaignSkills, masteryRate } from './campaign-skills';
import { areaStats, competenceStats } from './mastery-stats';
import { participantResults, profilesCollectionMasteryRate } from './participant-results';
import { recommendedTubes, tubeRecommendationScore } from './recommended-tubes';
import { reachedStage, stageThreshold } from './stages';

const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }, { name: '@mail', levels: [1, 2] }] },
    { index: '4.1', tubes: [{ name: '@mdp', levels: [1, 2, 3] }] },
  ],
});
const targetProfile = buildTargetProfile({
  cappedTubes: [{ tubeId: 'tube-web', level: 3 }, { tubeId: 'tube-mail', level: 8 }, { tubeId: 'tube-mdp', level: 2 }],
});
const skills = campaignSkills(index, targetProfile);
const validatedKe = (skillId: string, status: KnowledgeElement['status'] = 'validated', createdAt = '2025-01-01T00:00:00.000Z'): KnowledgeElement => {
  const skill = index.skillsById.get(skillId)!;
  return buildKnowledgeElement({ id: `ke-${skillId}-${createdAt}`, skillId, competenceId: skill.competenceId, status, earnedPix: status === 'validated' ? skill.pixValue : 0, createdAt });
};

describe('campaignSkills: capped tubes', () => {
  it('keeps the skills at or below each cap', () => {
    expect(skills.map((s) => s.name)).toEqual(['@web1', '@web2', '@web3', '@mail1', '@mail2', '@mdp1', '@mdp2']);
  });
  it.each([[0, 7, 0], [7, 7, 1], [3, 7, 3 / 7], [0, 0, 0]])('mastery %d/%d = %d', (v, n, rate) => {
    expect(masteryRate(v, n)).toBeCloseTo(rate);
  });
});

describe('stages', () => {
  const stage = (id: string, s: Partial<Stage>): Stage => ({ id, title: id, message: '', ...s });
  it.each([
    [stage('z', { level: 0 }), 0], [stage('l1', { level: 1 }), 43], [stage('l2', { level: 2 }), 86], [stage('l3', { level: 3 }), 100], [stage('t', { threshold: 30 }), 30],
  ])('%o → threshold %d', (s, threshold) => {
    // 7 skills: 3 of level 1, 3 of level 2, 1 of level 3
    expect(stageThreshold(s, skills)).toBe(threshold);
  });

  const stages = [stage('0', { threshold: 0 }), stage('30', { threshold: 30 }), stage('60', { threshold: 60 }), stage('l3', { level: 3 })];
  it.each([[0, 1, '0'], [0.29, 1, '0'], [0.3, 2, '30'], [0.59, 2, '30'], [0.6, 3, '60'], [0.99, 3, '60'], [1, 4, 'l3']] as const)(
    'mastery %d → stage %d (%s)', (rate, rank, id) => {
      const reached = reachedStage(stages, skills, rate);
      expect([reached.reachedStage, reached.totalStages, reached.stage?.id]).toEqual([rank, 4, id]);
    },
  );
  it('no zero stage: nothing reached at 0', () => {
    expect(reachedStage([stage('50', { threshold: 50 })], skills, 0)).toEqual({ reachedStage: 0, totalStages: 1, stage: null });
  });
});

describe('badges', () => {
  it.each([[40, 80, 50], [80, 80, 100], [100, 80, 100], [79.4, 80, 99], [0, 50, 0], [10, 0, 100]])('mastery %d%% / threshold %d → %d%%', (m, t, p) => {
    expect(criterionAcquisitionPercent(m, t)).toBe(p);
  });

  const badge: Badge = {
    id: 'b1', key: 'MAIL', title: 'Messagerie', message: '', altMessage: '', isCertifiable: false,
    criteria: [
      { scope: 'CampaignParticipation', threshold: 50 },
      { scope: 'CappedTubes', threshold: 100, cappedTubes: [{ tubeId: 'tube-mail', level: 2 }] },
    ],
  };
  it('is acquired only when every criterion is fulfilled', () => {
    const mailDone = [validatedKe(skillIdOf('@mail', 1)), validatedKe(skillIdOf('@mail', 2))];
    const half = badgeResult(badge, { index, currentKes: mailDone, campaignMasteryRate: 2 / 7 });
    expect([half.acquired, half.criteria.map((c) => c.acquisitionPercent), half.acquisitionPercent]).toEqual([false, [57, 100], 79]);
    const more = [...mailDone, validatedKe(skillIdOf('@web', 1)), validatedKe(skillIdOf('@web', 2))];
    const full = badgeResult(badge, { index, currentKes: more, campaignMasteryRate: 4 / 7 });
    expect([full.acquired, full.acquisitionPercent]).toEqual([true, 100]);
  });
});

describe('competence and area stats', () => {
  it('counts validated / targeted skills', () => {
    const validated = new Set([skillIdOf('@web', 1), skillIdOf('@mdp', 1), skillIdOf('@mdp', 2)]);
    expect(competenceStats(index, skills, validated).map((c) => [c.index, c.validatedSkillsCount, c.targetedSkillsCount])).toEqual([['1.1', 1, 5], ['4.1', 2, 2]]);
    expect(areaStats(index, skills, validated).map((a) => [a.code, a.validatedSkillsCount, a.targetedSkillsCount, a.masteryRate])).toEqual([['1', 1, 5, 0.2], ['4', 2, 2, 1]]);
  });
});

describe('recommended tubes (§4.6)', () => {
  const web = skills.filter((s) => s.tubeId === 'tube-web');
  it.each([
    // nothing validated: difficulty term only = 30/3 × 3
    [[], 30],
    // web1: 40/3×1 + 30 + 20/3×1 + 10/2×1
    [[1], 40 / 3 + 30 + 20 / 3 + 5],
    // all: 40 + 30 + 20 + 10/3×3
    [[1, 2, 3], 40 + 30 + 20 + 10],
  ])('web validated %j → %d', (levels, score) => {
    const validated = new Set(levels.map((l) => skillIdOf('@web', l)));
    expect(tubeRecommendationScore(web, 3, validated)).toBeCloseTo(score);
  });

  it('averages over all participants and ranks by score', () => {
    const ranking = recommendedTubes(index, targetProfile, [[validatedKe(skillIdOf('@web', 1))], []]);
    expect(ranking.map((t) => t.name)).toEqual(['@web', '@mail', '@mdp']);
    expect(ranking[0].averageScore).toBeCloseTo((40 / 3 + 30 + 20 / 3 + 5 + 30) / 2);
    expect(ranking[0].tutorialIds).toEqual(['tuto-web']);
  });
});

describe('participantResults', () => {
  const tp = {
    ...targetProfile,
    stages: [{ id: 's0', threshold: 0, title: 'Départ', message: '' }, { id: 's1', threshold: 40, title: 'Bien', message: '' }],
  };
  const kes = [
    validatedKe(skillIdOf('@web', 1)), validatedKe(skillIdOf('@web', 2)), validatedKe(skillIdOf('@web', 3), 'invalidated'),
    validatedKe(skillIdOf('@mdp', 1)), validatedKe(skillIdOf('@web', 4)), // web4 is outside the campaign
    validatedKe(skillIdOf('@mail', 1), 'validated', '2025-03-01T00:00:00.000Z'),
  ];

  it('gathers mastery, pix, stage and skills for an assessment campaign', () => {
    const results = participantResults({ index, campaignType: 'ASSESSMENT', targetProfile: tp, knowledgeElements: kes });
    expect([results.campaignSkillsCount, results.testedSkillsCount, results.validatedSkillsCount]).toEqual([7, 5, 4]);
    expect(results.masteryRate).toBeCloseTo(4 / 7);
    // 1.1 level 1 = {web1, mail1}, level 2 = {web2, mail2}: 4 pix each; web1 + web2 + mail1 = 12; mdp1 = 4 in 4.1
    expect(results.pixScore).toBe(16);
    expect(results.stage?.stage?.id).toBe('s1');
    expect(results.skills.find((s) => s.name === '@web3')?.status).toBe('KO');
    expect(results.skills.find((s) => s.name === '@mdp2')?.status).toBe('Non testé');
  });

  it('freezes KEs at the sharing date', () => {
    const results = participantResults({ index, campaignType: 'ASSESSMENT', targetProfile: tp, knowledgeElements: kes, sharedAt: '2025-02-01T00:00:00.000Z' });
    expect(results.validatedSkillsCount).toBe(3);
  });

  it('profiles collection: mastery = pix / max pix, certifiability', () => {
    const results = participantResults({ index, campaignType: 'PROFILES_COLLECTION', knowledgeElements: kes });
    // + web4 (alone at level 4: 4 pix), outside the target profile but in the profile
    expect(results.pixScore).toBe(20);
    expect(results.masteryRate).toBeCloseTo(20 / (6 * 8 * 16));
    expect(results.isCertifiable).toBe(false);
    expect(profilesCollectionMasteryRate(40, { maxReachableLevel: 5 })).toBeCloseTo(40 / 640);
  });
});
