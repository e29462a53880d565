/**
 * Seeded synthetic content pack for the engine simulation and tests, shaped like the real one:
 * the 16 CRCN competences, ~4 tubes each (3–5), skills from level 1–2 up to 3–8 (most tubes stop at
 * 4–6), 2–3 challenges per skill with the default IRT calibration of content/README.md
 * (difficulty = (level − 3.5) × 0.9, discriminant 1.6, QCU 1.4) and ~5 % timed challenges.
 * The same seed always gives the same pack. Texts are placeholders in French.
 */
import { challengeIrtDefaults } from '../model/irt-defaults';
import { withPixValues } from '../model/pix-values';
import { areas, competences } from '../model/referential';
import type { Challenge, ChallengeType, ContentPack, Skill, Thematic, Tube, Tutorial } from '../model/types';
import { createRng, type Rng } from '../random/seeded-rng';

export interface SyntheticPackOptions {
  seed?: string | number;
  /** share of timed challenges (default 0.05) */
  timedRate?: number;
}

/** weights of the hardest level of a tube, levels 3..8 */
const MAX_LEVEL_WEIGHTS: [number, number][] = [[3, 12], [4, 20], [5, 26], [6, 26], [7, 10], [8, 6]];
const TYPE_WEIGHTS: [ChallengeType, number][] = [['QCU', 40], ['QCM', 25], ['QROC', 25], ['QROCM-ind', 10]];

function weighted<T>(rng: Rng, table: [T, number][]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let draw = rng.nextFloat() * total;
  for (const [value, weight] of table) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return table[table.length - 1][0];
}

function challengeBody(type: ChallengeType): Pick<Challenge, 'instruction' | 'proposals' | 'solution'> {
  switch (type) {
    case 'QCU':
      return { instruction: 'Quelle proposition est correcte ?', proposals: '- première\n- deuxième\n- troisième', solution: { value: '2', deactivations: {} } };
    case 'QCM':
      return { instruction: 'Quelles propositions sont correctes ?', proposals: '- une\n- deux\n- trois', solution: { value: '1,3', deactivations: {} } };
    case 'QROC':
      return { instruction: 'Quel mot manque ?', proposals: 'Réponse : ${reponse}', solution: { value: 'fichier', deactivations: {} } };
    default:
      return {
        instruction: 'Complétez les deux champs.',
        proposals: 'Nom : ${nom}\nExtension : ${ext}',
        solution: { value: 'nom:\n- rapport\next:\n- pdf\n', deactivations: {} },
      };
  }
}

export function syntheticPack(options: SyntheticPackOptions = {}): ContentPack {
  const rng = createRng(`synthetic-pack:${options.seed ?? 1}`);
  const timedRate = options.timedRate ?? 0.05;
  const thematics: Thematic[] = [];
  const tubes: Tube[] = [];
  const skills: Skill[] = [];
  const challenges: Challenge[] = [];
  const tutorials: Tutorial[] = [];

  for (const competence of competences) {
    const code = competence.index.replace('.', '');
    const tubeCount = 3 + rng.nextInt(3);
    const thematicCount = tubeCount > 3 ? 2 : 1;
    const competenceThematics: Thematic[] = Array.from({ length: thematicCount }, (_, t) => ({
      id: `thematic-${code}-${t + 1}`, name: `Thématique ${competence.index}.${t + 1}`, index: t, competenceId: competence.id, tubeIds: [],
    }));
    thematics.push(...competenceThematics);
    for (let t = 0; t < tubeCount; t++) {
      const letter = String.fromCharCode(97 + t);
      const tubeName = `@sujet${code}${letter}`;
      const tubeId = `tube-${code}${letter}`;
      const thematic = competenceThematics[t % thematicCount];
      thematic.tubeIds.push(tubeId);
      tubes.push({ id: tubeId, name: tubeName, practicalTitle: `Sujet ${competence.index} ${letter.toUpperCase()}`, practicalDescription: 'Sujet généré pour la simulation.', competenceId: competence.id, thematicId: thematic.id });
      const tutorialId = `tuto-${code}${letter}`;
      tutorials.push({ id: tutorialId, title: `Tutoriel ${tubeName}`, link: 'https://pix.fr/', source: 'Pix hors-ligne', format: 'page', duration: '00:03:00', summary: 'Tutoriel généré pour la simulation.' });

      const minLevel = rng.nextFloat() < 0.8 ? 1 : 2;
      const maxLevel = weighted(rng, MAX_LEVEL_WEIGHTS);
      for (let level = minLevel; level <= maxLevel; level++) {
        // Real tubes sometimes skip a middle level.
        if (level > minLevel && level < maxLevel && rng.nextFloat() < 0.1) continue;
        const skillId = `skill-${code}${letter}${level}`;
        skills.push({
          id: skillId, name: `${tubeName}${level}`, level, tubeId, competenceId: competence.id, pixValue: 0, status: 'actif',
          tutorialIds: [tutorialId], learningMoreTutorialIds: [], hint: 'Relisez bien la consigne.',
        });
        const count = 2 + rng.nextInt(2);
        for (let v = 0; v < count; v++) {
          const type = weighted(rng, TYPE_WEIGHTS);
          challenges.push({
            id: `ch-${code}${letter}${level}-${String.fromCharCode(97 + v)}`, skillId, competenceId: competence.id, type,
            ...challengeBody(type), ...challengeIrtDefaults(level, type),
            timer: rng.nextFloat() < timedRate ? 60 : undefined,
            focused: false, attachments: [], status: 'validé', locales: ['fr'], alternativeVersion: v + 1,
          });
        }
      }
    }
  }

  return {
    version: `synthetic-${String(options.seed ?? 1)}`,
    areas,
    competences,
    thematics,
    tubes,
    skills: withPixValues(skills, challenges),
    challenges,
    tutorials,
    targetProfiles: [{
      id: 'tp-synthetic', name: 'Profil cible synthétique', category: 'COMPETENCES', description: 'Tous les sujets jusqu’au niveau 6.',
      cappedTubes: tubes.map((t) => ({ tubeId: t.id, level: 6 })), stages: [], badges: [],
    }],
  };
}
