/**
 * Results of one campaign participation (§4.3–4.4), everything Pix Orga and the learner's end screen
 * show: progress, mastery, pix, reached stage, badges, per-competence and per-area stats, per-skill
 * status. KEs are frozen at `sharedAt` when given (exports read KEs created up to the sharing date).
 * Profiles collection: no skills; mastery = pix / (maxReachableLevel × 8 × 16) and certifiability.
 */
import type { PackIndex } from '../model/pack-index';
import { COMPETENCES_COUNT } from '../model/referential';
import type { KnowledgeElement, TargetProfile } from '../model/types';
import { competenceScore, maxReachablePixByCompetence, type ScoringOptions } from '../scoring/competence-score';
import { currentKnowledgeElements } from '../scoring/knowledge-elements';
import { isCertifiable, scorecards, totalPix, type Scorecard } from '../scoring/scorecards';
import { toMillis } from '../scoring/time';
import { badgeResult, type BadgeResult } from './badges';
import { campaignSkills, masteryRate, testedSkillIds, validatedSkillIds } from './campaign-skills';
import { areaStats, competenceStats, type AreaStats, type CompetenceStats } from './mastery-stats';
import { reachedStage, type ReachedStage } from './stages';

export type CampaignType = 'ASSESSMENT' | 'PROFILES_COLLECTION';
export type SkillResultStatus = 'OK' | 'KO' | 'Non testé';

export interface ParticipantResultsInput extends ScoringOptions {
  index: PackIndex;
  campaignType: CampaignType;
  /** required for ASSESSMENT */
  targetProfile?: TargetProfile;
  /** the learner's full KE history */
  knowledgeElements: KnowledgeElement[];
  sharedAt?: string;
}

export interface ParticipantResults {
  campaignType: CampaignType;
  campaignSkillsCount: number;
  testedSkillsCount: number;
  validatedSkillsCount: number;
  /** tested / campaign skills, 0..1 */
  progress: number;
  /** 0..1 */
  masteryRate: number;
  pixScore: number;
  stage: ReachedStage | null;
  badges: BadgeResult[];
  competences: CompetenceStats[];
  areas: AreaStats[];
  skills: { skillId: string; name: string; status: SkillResultStatus }[];
  /** profiles collection only */
  scorecards?: Scorecard[];
  isCertifiable?: boolean;
}

/** Profiles collection mastery: pix / maximum reachable pix (16 competences). */
export function profilesCollectionMasteryRate(pixScore: number, opts: ScoringOptions = {}): number {
  return pixScore / (maxReachablePixByCompetence(opts) * COMPETENCES_COUNT);
}

export function participantResults(input: ParticipantResultsInput): ParticipantResults {
  const { index, sharedAt } = input;
  const history = sharedAt === undefined
    ? input.knowledgeElements
    : input.knowledgeElements.filter((ke) => toMillis(ke.createdAt) <= toMillis(sharedAt));
  const current = currentKnowledgeElements(history);

  if (input.campaignType === 'PROFILES_COLLECTION') {
    const cards = scorecards(index, history, input);
    const pixScore = totalPix(cards);
    return {
      campaignType: 'PROFILES_COLLECTION', campaignSkillsCount: 0, testedSkillsCount: 0, validatedSkillsCount: 0, progress: 1,
      masteryRate: profilesCollectionMasteryRate(pixScore, input), pixScore, stage: null, badges: [], competences: [], areas: [],
      skills: [], scorecards: cards, isCertifiable: isCertifiable(cards),
    };
  }

  const targetProfile = input.targetProfile;
  if (!targetProfile) throw new Error('participantResults: a target profile is required for an ASSESSMENT campaign');
  const skills = campaignSkills(index, targetProfile);
  const validated = validatedSkillIds(current, skills);
  const tested = testedSkillIds(current, skills);
  const rate = masteryRate(validated.size, skills.length);
  const skillIds = new Set(skills.map((s) => s.id));
  const campaignKes = current.filter((ke) => skillIds.has(ke.skillId));
  const competenceIds = [...new Set(skills.map((s) => s.competenceId))];
  const pixScore = competenceIds.reduce((sum, id) => sum + competenceScore(campaignKes, id, input).pix, 0);
  return {
    campaignType: 'ASSESSMENT',
    campaignSkillsCount: skills.length,
    testedSkillsCount: tested.size,
    validatedSkillsCount: validated.size,
    progress: skills.length === 0 ? 0 : tested.size / skills.length,
    masteryRate: rate,
    pixScore,
    stage: targetProfile.stages.length > 0 ? reachedStage(targetProfile.stages, skills, rate) : null,
    badges: targetProfile.badges.map((badge) => badgeResult(badge, { index, currentKes: current, campaignMasteryRate: rate })),
    competences: competenceStats(index, skills, validated),
    areas: areaStats(index, skills, validated),
    skills: skills.map((s) => ({
      skillId: s.id, name: s.name, status: validated.has(s.id) ? 'OK' : tested.has(s.id) ? 'KO' : 'Non testé',
    })),
  };
}
