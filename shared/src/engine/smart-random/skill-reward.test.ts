import { describe, expect, it } from 'vitest';
import { skillIdOf } from '../../testing/builders';
import { raschProbability } from './estimate-level';
import { maxRewardingSkills, skillReward } from './skill-reward';
import { candidate, names, tubesOf } from './test-candidates';

describe('skillReward', () => {
  const tube = [1, 2, 3, 4, 5].map((level) => candidate('@a', level));
  const tubes = tubesOf(tube);

  it.each([
    // level 3 of 1..5, nothing tested: E = {1,2,3}, H = {3,4,5}
    { skill: 3, theta: 3, tested: [], easier: 3, harder: 3 },
    { skill: 1, theta: 2, tested: [], easier: 1, harder: 5 },
    { skill: 5, theta: 4, tested: [], easier: 5, harder: 1 },
    // tested skills do not count
    { skill: 3, theta: 2.5, tested: [1, 5], easier: 2, harder: 2 },
    { skill: 4, theta: 3.5, tested: [1, 2], easier: 2, harder: 2 },
  ])('skill $skill at θ=$theta, tested $tested: P·$easier + (1−P)·$harder', ({ skill, theta, tested, easier, harder }) => {
    const testedIds = new Set(tested.map((l) => skillIdOf('@a', l)));
    const p = raschProbability(theta, skill);
    expect(skillReward(tube[skill - 1], theta, tubes, testedIds)).toBeCloseTo(p * easier + (1 - p) * harder, 12);
  });

  it('keeps every skill sharing the maximum reward, in input order', () => {
    const other = [1, 2, 3, 4, 5].map((level) => candidate('@b', level));
    const all = [...tube, ...other];
    // θ = 3: the middle skills of both 5-skill tubes tie at the maximum 3.
    expect(names(maxRewardingSkills(all, 3, tubesOf(all), new Set()))).toEqual(['@a3', '@b3']);
    // θ = 0.5: r1 = σ(−0.5)·1 + σ(0.5)·5 ≈ 3.49, r2 = σ(−1.5)·2 + σ(1.5)·4 ≈ 3.64, r3 = 3.
    expect(names(maxRewardingSkills(all, 0.5, tubesOf(all), new Set()))).toEqual(['@a2', '@b2']);
    // θ = 5.5: mirror image, level 4 wins.
    expect(names(maxRewardingSkills(all, 5.5, tubesOf(all), new Set()))).toEqual(['@a4', '@b4']);
  });

  it('returns nothing for no candidate', () => {
    expect(maxRewardingSkills([], 3, tubes, new Set())).toEqual([]);
  });
});
