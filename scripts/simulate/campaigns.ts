/**
 * Campaign part of `npm run simulate`: the three Parcours de rentrée (5e, 4e, 3e). A simulated pupil
 * has one true ability per competence of the campaign, drawn independently with the issue-4 rule
 * (uniform level, then uniform θ in its band) on the campaign's skills; their true level in each
 * competence is what the scoring rules give on the campaign skills they master. Each engine plays the
 * whole campaign; the level errors are counted per (pupil, competence), the questions per pupil.
 */
import { campaignSkills } from '../../shared/src/campaign/campaign-skills';
import type { PackIndex } from '../../shared/src/model/pack-index';
import type { TargetProfile } from '../../shared/src/model/types';
import type { Rng } from '../../shared/src/random/seeded-rng';
import { competenceModel, drawTrueTheta, trueScore, type CompetenceModel } from './learner';
import type { EngineSamples } from './report';
import { runAssessment, type EngineSetup } from './run-evaluation';

export const RENTREE_CAMPAIGN_NAMES = ['Parcours de rentrée 5e', 'Parcours de rentrée 4e', 'Parcours de rentrée 3e'] as const;

export interface CampaignSetup {
  profile: TargetProfile;
  /** campaign skills with an operative challenge, pack order */
  targetSkillIds: string[];
  models: CompetenceModel[];
}

/** The Parcours de rentrée present in the pack, in 5e, 4e, 3e order. */
export function rentreeCampaigns(index: PackIndex, maxReachableLevel: number): CampaignSetup[] {
  const setups: CampaignSetup[] = [];
  for (const name of RENTREE_CAMPAIGN_NAMES) {
    const profile = index.pack.targetProfiles.find((tp) => tp.name === name);
    if (!profile) continue;
    const skillIds = new Set(campaignSkills(index, profile).map((s) => s.id));
    const competenceIds = [...new Set([...skillIds].map((id) => index.skillsById.get(id)?.competenceId ?? ''))].filter(Boolean);
    const models = competenceIds.map((id) => competenceModel(index, id, maxReachableLevel, skillIds)).filter((m) => m.skills.length > 0);
    const targetSkillIds = models.flatMap((m) => m.skills.map((s) => s.id));
    if (targetSkillIds.length > 0) setups.push({ profile, targetSkillIds, models });
  }
  return setups;
}

export interface CampaignRunInput {
  index: PackIndex;
  campaign: CampaignSetup;
  engines: EngineSetup[];
  learners: number;
  guess: number;
  slip: number;
  maxReachableLevel: number;
  rng: Rng;
  samples: (engineKey: string) => EngineSamples;
}

/** Plays `learners` pupils through the campaign with every engine and appends to the samples. */
export function simulateCampaign(input: CampaignRunInput): void {
  const { campaign } = input;
  for (let i = 0; i < input.learners; i++) {
    const learnerRng = input.rng.fork(`learner-${i}`);
    const learners = campaign.models.map((model) => ({ model, theta: drawTrueTheta(model, learnerRng) }));
    const truths = learners.map(({ model, theta }) => trueScore(model, theta, input.maxReachableLevel));
    for (const engine of input.engines) {
      const outcome = runAssessment({
        index: input.index, learnerId: `${campaign.profile.id}-learner-${i}`, engine, guess: input.guess, slip: input.slip,
        maxReachableLevel: input.maxReachableLevel, rng: learnerRng.fork(engine.key), learners, targetSkillIds: campaign.targetSkillIds,
      });
      const s = input.samples(engine.key);
      s.questions.push(outcome.questions);
      outcome.levels.forEach((result, k) => {
        s.levelErrors.push(Math.abs(result.level - truths[k].level));
        s.pixErrors.push(Math.abs(result.pix - truths[k].pix));
      });
      for (const ms of outcome.pickMs) s.pickMs.push(ms);
    }
  }
}
