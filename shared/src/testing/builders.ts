/**
 * Test-data builders (Pix `domainBuilder` style): a small but complete content pack built from a
 * compact description, plus answer and knowledge-element builders with sensible defaults.
 *
 *   buildPack({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }] }] })
 *
 * Ids are predictable: tube `tube-web`, skill `skill-web2`, challenges `ch-web2-a`, `ch-web2-b`…,
 * thematic `thematic-1.1`, tutorial `tuto-web`. Every pack holds the 16 CRCN competences and 5 areas.
 */
import { indexPack, type PackIndex } from '../model/pack-index';
import { withPixValues } from '../model/pix-values';
import { areas, competences, competenceIdOf } from '../model/referential';
import type {
  AnswerEvent,
  Challenge,
  ContentPack,
  KnowledgeElement,
  Skill,
  TargetProfile,
  Thematic,
  Tube,
  Tutorial,
} from '../model/types';

export interface TubeSpec {
  /** "@web" */
  name: string;
  levels: number[];
  /** challenges per skill (default 2) */
  challengesPerSkill?: number;
  /** overrides applied to every challenge of the tube */
  challenge?: Partial<Challenge>;
  /** overrides applied to every skill of the tube */
  skill?: Partial<Skill>;
}

export interface CompetenceSpec {
  /** CRCN index, default "1.1", "1.2", … in order */
  index?: string;
  tubes: TubeSpec[];
}

export interface PackSpec {
  competences: CompetenceSpec[];
  targetProfiles?: TargetProfile[];
  version?: string;
}

export function tubeIdOf(tubeName: string): string {
  return `tube-${tubeName.replace(/^@/, '')}`;
}

export function skillIdOf(tubeName: string, level: number): string {
  return `skill-${tubeName.replace(/^@/, '')}${level}`;
}

export function challengeIdOf(tubeName: string, level: number, variant = 0): string {
  return `ch-${tubeName.replace(/^@/, '')}${level}-${String.fromCharCode(97 + variant)}`;
}

export function buildChallenge(overrides: Partial<Challenge> = {}): Challenge {
  return {
    id: 'ch-1',
    skillId: 'skill-1',
    competenceId: competenceIdOf('1.1'),
    type: 'QCU',
    instruction: 'Quelle est la bonne réponse ?',
    proposals: '- bonne\n- mauvaise',
    solution: { value: '1', deactivations: {} },
    focused: false,
    attachments: [],
    status: 'validé',
    locales: ['fr'],
    alternativeVersion: 1,
    difficulty: 0,
    discriminant: 1.6,
    ...overrides,
  };
}

export function buildPack(spec: PackSpec): ContentPack {
  const thematics: Thematic[] = [];
  const tubes: Tube[] = [];
  const skills: Skill[] = [];
  const challenges: Challenge[] = [];
  const tutorials: Tutorial[] = [];
  spec.competences.forEach((competenceSpec, position) => {
    const index = competenceSpec.index ?? competences[position].index;
    const competenceId = competenceIdOf(index);
    const thematic: Thematic = { id: `thematic-${index}`, name: `Thématique ${index}`, index: 0, competenceId, tubeIds: [] };
    thematics.push(thematic);
    for (const tubeSpec of competenceSpec.tubes) {
      const tubeId = tubeIdOf(tubeSpec.name);
      const tutorialId = `tuto-${tubeSpec.name.replace(/^@/, '')}`;
      thematic.tubeIds.push(tubeId);
      tubes.push({ id: tubeId, name: tubeSpec.name, practicalTitle: `Sujet ${tubeSpec.name}`, practicalDescription: '', competenceId, thematicId: thematic.id });
      tutorials.push({ id: tutorialId, title: `Tutoriel ${tubeSpec.name}`, link: 'https://example.org/', source: 'Pix hors-ligne', format: 'page', duration: '00:02:00', summary: 'Résumé.' });
      for (const level of tubeSpec.levels) {
        const skillId = skillIdOf(tubeSpec.name, level);
        skills.push({
          id: skillId, name: `${tubeSpec.name}${level}`, level, tubeId, competenceId, pixValue: 0, status: 'actif',
          tutorialIds: [tutorialId], learningMoreTutorialIds: [], hint: 'Relisez la consigne.', ...tubeSpec.skill,
        });
        for (let variant = 0; variant < (tubeSpec.challengesPerSkill ?? 2); variant++) {
          challenges.push(buildChallenge({
            id: challengeIdOf(tubeSpec.name, level, variant), skillId, competenceId,
            alternativeVersion: variant + 1, difficulty: (level - 3.5) * 0.9, discriminant: 1.4, ...tubeSpec.challenge,
          }));
        }
      }
    }
  });
  return {
    version: spec.version ?? 'test',
    areas,
    competences,
    thematics,
    tubes,
    skills: withPixValues(skills, challenges),
    challenges,
    tutorials,
    targetProfiles: spec.targetProfiles ?? [],
  };
}

export function buildIndex(spec: PackSpec): PackIndex {
  return indexPack(buildPack(spec));
}

export function buildTargetProfile(overrides: Partial<TargetProfile> = {}): TargetProfile {
  return { id: 'tp-1', name: 'Profil cible', category: 'OTHER', description: '', cappedTubes: [], stages: [], badges: [], ...overrides };
}

export function buildAnswer(overrides: Partial<AnswerEvent> = {}): AnswerEvent {
  return {
    id: 'answer-1', userId: 'user-1', assessmentId: 'assessment-1', challengeId: 'ch-1', value: '1',
    timeout: null, focusedOut: false, timeSpent: 10, createdAt: '2025-01-01T10:00:00.000Z', result: 'ok',
    ...overrides,
  };
}

export function buildKnowledgeElement(overrides: Partial<KnowledgeElement> = {}): KnowledgeElement {
  return {
    id: 'ke-1', createdAt: '2025-01-01T10:00:00.000Z', source: 'direct', status: 'validated', earnedPix: 8,
    answerId: 'answer-1', assessmentId: 'assessment-1', skillId: 'skill-1', userId: 'user-1',
    competenceId: competenceIdOf('1.1'), ...overrides,
  };
}
