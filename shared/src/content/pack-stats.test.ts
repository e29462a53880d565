import { describe, expect, it } from 'vitest';
import { buildPack } from '../testing/builders';
import { competenceStats, packStats, simulatorNameOf } from './pack-stats';

describe('simulatorNameOf', () => {
  it.each([
    ['/simulators/messagerie/index.html?scenario=2', 'messagerie'],
    ['/simulators/tableur/', 'tableur'],
    ['/content/files/1.1/a.csv', undefined],
  ])('%s → %s', (url, expected) => {
    expect(simulatorNameOf(url)).toBe(expected);
  });
});

describe('packStats', () => {
  const pack = buildPack({
    competences: [
      { index: '1.1', tubes: [{ name: '@web', levels: [1, 2], challenge: { type: 'QCM', timer: 60 } }] },
      {
        index: '2.1',
        tubes: [
          { name: '@mail', levels: [3], challengesPerSkill: 3, challenge: { type: 'QROC', focused: true, attachments: ['/content/files/2.1/a.txt'] } },
          { name: '@chat', levels: [1], challenge: { type: 'QCU', embedUrl: '/simulators/messagerie/index.html?scenario=1' } },
        ],
      },
    ],
  });

  it('counts by type, level and special challenges', () => {
    expect(packStats(pack)).toMatchObject({
      competences: 2,
      tubes: 3,
      skills: 4,
      challenges: 9,
      byType: { QCU: 2, QCM: 4, QROC: 3, 'QROCM-ind': 0, 'QROCM-dep': 0 },
      byLevel: { '1': 4, '2': 2, '3': 3 },
      timed: 4,
      focused: 3,
      withAttachment: 3,
      withSimulator: 2,
      simulators: 1,
    });
  });

  it('gives the levels and counts of each competence', () => {
    const stats = competenceStats(pack);
    expect(stats).toHaveLength(16);
    expect(stats.find((c) => c.index === '2.1')).toMatchObject({ tubes: 2, skills: 2, challenges: 5, levels: [1, 3] });
    expect(stats.find((c) => c.index === '5.2')).toMatchObject({ tubes: 0, skills: 0, challenges: 0, levels: [] });
  });
});
