import { describe, expect, it } from 'vitest';
import { skillIdOf } from '../../testing/builders';
import {
  filterForFirstChallenge,
  filterForNextChallenge,
  focusOnDefaultLevel,
  keepEasyTubesIfAny,
  keepPlayable,
  keepUntested,
  removeTimedIfPossible,
  removeTooDifficult,
} from './skill-filters';
import { candidate, names, tubesOf } from './test-candidates';

describe('smart-random filters', () => {
  it('keepPlayable drops skills with no remaining challenge', () => {
    expect(names(keepPlayable([candidate('@a', 1), candidate('@a', 2, { playable: false })]))).toEqual(['@a1']);
  });

  it('keepUntested drops skills with a KE', () => {
    const skills = [candidate('@a', 1), candidate('@a', 2), candidate('@b', 1)];
    expect(names(keepUntested(skills, new Set([skillIdOf('@a', 2)])))).toEqual(['@a1', '@b1']);
  });

  it.each([
    { label: 'easy tube (max 3) only', tubes: [['@easy', [1, 2, 3]], ['@hard', [1, 2, 4]]], expected: ['@easy1', '@easy2', '@easy3'] },
    { label: 'no easy tube → unchanged', tubes: [['@x', [2, 4]], ['@y', [1, 5]]], expected: ['@x2', '@x4', '@y1', '@y5'] },
  ] as const)('keepEasyTubesIfAny: $label', ({ tubes, expected }) => {
    const skills = tubes.flatMap(([name, levels]) => levels.map((level) => candidate(name, level)));
    expect(names(keepEasyTubesIfAny(skills, tubesOf(skills)))).toEqual(expected);
  });

  it('a tube is easy from its hardest skill even when that skill is already tested', () => {
    const all = [candidate('@a', 1), candidate('@a', 4)];
    // @a4 is out of the candidates but still part of the tube: @a is not easy.
    expect(names(keepEasyTubesIfAny([all[0], candidate('@b', 2)], tubesOf([...all, candidate('@b', 2)])))).toEqual(['@b2']);
  });

  it.each([
    { needed: true, timed: [true, false], expected: ['@b1'] },
    { needed: true, timed: [true, true], expected: ['@a1', '@b1'] },
    { needed: false, timed: [true, false], expected: ['@a1', '@b1'] },
  ])('removeTimedIfPossible needed=$needed timed=$timed', ({ needed, timed, expected }) => {
    const skills = [candidate('@a', 1, { timed: timed[0] }), candidate('@b', 1, { timed: timed[1] })];
    expect(names(removeTimedIfPossible(skills, needed))).toEqual(expected);
  });

  it.each<{ skills: [string, number][]; expected: string[] }>([
    { skills: [['@s', 1], ['@t', 2], ['@u', 3], ['@v', 2]], expected: ['@t2', '@v2'] },
    { skills: [['@s', 3], ['@t', 4], ['@u', 3]], expected: ['@s3', '@u3'] },
    { skills: [['@s', 5], ['@t', 1]], expected: ['@t1'] },
    { skills: [], expected: [] },
  ])('focusOnDefaultLevel $skills → $expected', ({ skills, expected }) => {
    expect(names(focusOnDefaultLevel(skills.map(([tube, level]) => candidate(tube, level))))).toEqual(expected);
  });

  it.each([
    { level: 1, expected: ['@a1', '@a2', '@a3'] },
    { level: 2.5, expected: ['@a1', '@a2', '@a3', '@a4'] },
    { level: 4, expected: ['@a1', '@a2', '@a3', '@a4', '@a5', '@a6'] },
  ])('removeTooDifficult at θ = $level keeps level − θ ≤ 2', ({ level, expected }) => {
    const skills = [1, 2, 3, 4, 5, 6].map((l) => candidate('@a', l));
    expect(names(removeTooDifficult(skills, level))).toEqual(expected);
  });

  it('first challenge: playable, untested, easy tubes, untimed, level 2', () => {
    const skills = [
      candidate('@easy', 1), candidate('@easy', 2, { timed: true }), candidate('@easy', 3),
      candidate('@easier', 2), candidate('@easier', 3),
      candidate('@hard', 2), candidate('@hard', 5),
    ];
    const result = filterForFirstChallenge({ skills, tubes: tubesOf(skills), testedSkillIds: new Set() });
    expect(names(result)).toEqual(['@easier2']);
    const tested = new Set([skillIdOf('@easier', 2)]);
    // @easier2 tested, @easy2 timed but the only level-2 left is timed → lowest untimed group? No:
    // timed removal happens before the level focus, so level-2 is gone and the lowest group (1) stays.
    expect(names(filterForFirstChallenge({ skills, tubes: tubesOf(skills), testedSkillIds: tested }))).toEqual(['@easy1']);
  });

  it('next challenge: drops too hard skills and timed ones after a timed answer', () => {
    const skills = [candidate('@a', 2), candidate('@a', 4, { timed: true }), candidate('@a', 5), candidate('@a', 6)];
    const input = { skills, tubes: tubesOf(skills), testedSkillIds: new Set([skillIdOf('@a', 2)]) };
    expect(names(filterForNextChallenge(input, 3, false))).toEqual(['@a4', '@a5']);
    expect(names(filterForNextChallenge(input, 3, true))).toEqual(['@a5']);
    expect(names(filterForNextChallenge(input, 0.5, false))).toEqual([]);
  });
});
