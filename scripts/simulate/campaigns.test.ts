import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/src/random/seeded-rng';
import { buildIndex, buildTargetProfile, tubeIdOf } from '../../shared/src/testing/builders';
import { rentreeCampaigns, simulateCampaign } from './campaigns';
import { emptySamples, type EngineSamples } from './report';
import type { EngineSetup } from './run-evaluation';

const index = buildIndex({
  competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }] }, { index: '2.1', tubes: [{ name: '@mail', levels: [1, 2, 3] }] }],
  targetProfiles: [
    buildTargetProfile({ id: 'tp-5e', name: 'Parcours de rentrée 5e', cappedTubes: [{ tubeId: tubeIdOf('@web'), level: 2 }, { tubeId: tubeIdOf('@mail'), level: 3 }] }),
    buildTargetProfile({ id: 'tp-other', name: 'Autre parcours', cappedTubes: [{ tubeId: tubeIdOf('@web'), level: 4 }] }),
  ],
});
const engines: EngineSetup[] = [
  { key: 'smartRandom', label: 'Smart random', method: 'SMART_RANDOM' },
  { key: 'bayes', label: 'Bayésien', method: 'BAYES' },
];

describe('Parcours de rentrée simulation', () => {
  it('keeps only the Parcours de rentrée, restricted to their capped skills, one model per competence', () => {
    const [campaign, ...others] = rentreeCampaigns(index, 6);
    expect(others).toEqual([]);
    expect(campaign.profile.name).toBe('Parcours de rentrée 5e');
    expect(campaign.targetSkillIds).toEqual(['skill-web1', 'skill-web2', 'skill-mail1', 'skill-mail2', 'skill-mail3']);
    expect(campaign.models.map((m) => m.competenceId)).toEqual(['competence-1-1', 'competence-2-1']);
  });

  it.each(engines)('$key: one question count per pupil, one level error per pupil and competence, reproducible', (engine) => {
    const [campaign] = rentreeCampaigns(index, 6);
    const run = () => {
      const samples: EngineSamples = emptySamples();
      simulateCampaign({ index, campaign, engines: [engine], learners: 20, guess: 0.1, slip: 0.05, maxReachableLevel: 6, rng: createRng('c'), samples: () => samples });
      return samples;
    };
    const a = run();
    expect(a.questions).toHaveLength(20);
    expect(a.levelErrors).toHaveLength(40);
    expect(Math.min(...a.questions)).toBeGreaterThan(0);
    expect(run().levelErrors).toEqual(a.levelErrors);
  });
});
