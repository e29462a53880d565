import { describe, expect, it } from 'vitest';
import type { Assessment } from '../model/types';
import { replayKnowledge, competenceSkillIds } from '../scoring/user-knowledge';
import { deriveAssessment } from '../sync/derive-assessment';
import { buildAnswer, buildIndex, challengeIdOf } from '../testing/builders';
import { assessmentKnowledgeElements } from './assessment-knowledge';

const index = buildIndex({ competences: [{ tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }, { name: '@mail', levels: [1, 2, 3, 4, 5] }] }] });
const competenceId = index.pack.competences[0].id;
const targets = competenceSkillIds(index, competenceId);
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function evaluation(method: Assessment['method']): Assessment {
  return { id: `a-${method}`, userId: 'user-1', type: 'COMPETENCE_EVALUATION', state: 'started', method, competenceId, createdAt: at(0), updatedAt: at(0) };
}

const answersOf = (assessmentId: string) => [
  buildAnswer({ id: `${assessmentId}-1`, assessmentId, challengeId: challengeIdOf('@web', 3), result: 'ok', createdAt: at(1) }),
  buildAnswer({ id: `${assessmentId}-2`, assessmentId, challengeId: challengeIdOf('@mail', 4), result: 'ok', createdAt: at(2) }),
  buildAnswer({ id: `${assessmentId}-3`, assessmentId, challengeId: challengeIdOf('@web', 5), result: 'ko', createdAt: at(3) }),
];

describe('assessmentKnowledgeElements', () => {
  it('smart random: direct KEs and same-tube inferences only', () => {
    const assessment = evaluation('SMART_RANDOM');
    const kes = assessmentKnowledgeElements(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers: answersOf(assessment.id) });
    expect(kes.filter((ke) => ke.source === 'direct')).toHaveLength(3);
    // @web4 sits above an OK (@web3) and below a KO (@web5) of its tube: smart random infers nothing for it
    expect(kes.find((ke) => ke.skillId === 'skill-web4')).toBeUndefined();
  });

  it('Bayes: the same direct KEs, and untested skills inferred from the posterior', () => {
    const assessment = evaluation('BAYES');
    const kes = assessmentKnowledgeElements(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers: answersOf(assessment.id) });
    const direct = kes.filter((ke) => ke.source === 'direct').map((ke) => [ke.skillId, ke.status]);
    expect(direct).toEqual([
      ['skill-web3', 'validated'],
      ['skill-mail4', 'validated'],
      ['skill-web5', 'invalidated'],
    ]);
    expect(kes.find((ke) => ke.skillId === 'skill-web4')?.source).toBe('inferred');
  });

  it('device (replay) and node (derive) give the same KEs for a Bayesian assessment', () => {
    const assessment = evaluation('BAYES');
    const answers = answersOf(assessment.id);
    const device = replayKnowledge(index, [assessment], answers, () => targets).byAssessment.get(assessment.id);
    const node = deriveAssessment(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers }).knowledgeElements;
    expect(device).toEqual(node);
  });
});
