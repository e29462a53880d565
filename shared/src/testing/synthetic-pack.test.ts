import { describe, expect, it } from 'vitest';
import { loadPack } from '../model/load-pack';
import { syntheticPack } from './synthetic-pack';

describe('syntheticPack', () => {
  const pack = syntheticPack({ seed: 7 });

  it('is reproducible from its seed and changes with it', () => {
    expect(syntheticPack({ seed: 7 })).toEqual(pack);
    expect(syntheticPack({ seed: 8 }).challenges).not.toEqual(pack.challenges);
  });

  it('passes the pack loader (schemas and integrity)', () => {
    const result = loadPack(JSON.parse(JSON.stringify(pack)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.index.skillsById.size).toBe(pack.skills.length);
  });

  it('has the shape of the real content', () => {
    expect(pack.competences).toHaveLength(16);
    const tubesPerCompetence = pack.competences.map((c) => pack.tubes.filter((t) => t.competenceId === c.id).length);
    for (const n of tubesPerCompetence) expect(n).toBeGreaterThanOrEqual(3);
    for (const n of tubesPerCompetence) expect(n).toBeLessThanOrEqual(5);
    const levels = new Set(pack.skills.map((s) => s.level));
    for (const level of [1, 2, 3, 4, 5, 6]) expect(levels.has(level)).toBe(true);
    const perSkill = pack.skills.map((s) => pack.challenges.filter((c) => c.skillId === s.id).length);
    expect(Math.min(...perSkill)).toBe(2);
    expect(Math.max(...perSkill)).toBe(3);
    const timedShare = pack.challenges.filter((c) => c.timer !== undefined).length / pack.challenges.length;
    expect(timedShare).toBeGreaterThan(0.02);
    expect(timedShare).toBeLessThan(0.09);
  });

  it('uses the default IRT calibration', () => {
    for (const c of pack.challenges) {
      const level = pack.skills.find((s) => s.id === c.skillId)?.level ?? 0;
      expect(c.difficulty).toBeCloseTo((level - 3.5) * 0.9, 10);
      expect(c.discriminant).toBe(c.type === 'QCU' ? 1.4 : 1.6);
    }
  });

  it('gives each competence level 8 pix (4 at most per skill)', () => {
    for (const s of pack.skills) {
      const sameLevel = pack.skills.filter((o) => o.competenceId === s.competenceId && o.level === s.level).length;
      expect(s.pixValue).toBeCloseTo(Math.min(8 / sameLevel, 4), 12);
    }
  });
});
