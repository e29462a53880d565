/**
 * zod schemas of the content model and learner events of types.ts, used by `loadPack` and at the
 * sync boundary. Written with `zod/mini` (same package, tree-shakable) to keep the browser bundle small.
 * `pixValue` may be omitted: the loader recomputes it anyway (§1.2).
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1, 'identifiant vide'));
const text = z.string();
const level = z.number().check(z.int('niveau entier attendu'), z.gte(1, 'niveau hors de 1..8'), z.lte(8, 'niveau hors de 1..8'));
const percentage = z.number().check(z.gte(0, 'pourcentage hors de 0..100'), z.lte(100, 'pourcentage hors de 0..100'));

export const challengeTypeSchema = z.enum(['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']);
export const challengeStatusSchema = z.enum(['validé', 'archivé', 'périmé']);

export const areaSchema = z.object({ id, code: text, name: text, title: text, color: text, competenceIds: z.array(id) });

export const competenceSchema = z.object({
  id, index: z.string().check(z.regex(/^[1-5]\.[1-4]$/, 'index CRCN attendu (ex. 1.1)')), name: text, description: text, areaId: id,
  origin: z.literal('Pix'),
});

export const thematicSchema = z.object({ id, name: text, index: z.number(), competenceId: id, tubeIds: z.array(id) });

export const tubeSchema = z.object({
  id, name: z.string().check(z.regex(/^@\S+$/, 'nom de sujet attendu : @ suivi du nom')), practicalTitle: text,
  practicalDescription: text, competenceId: id, thematicId: id,
});

export const skillSchema = z.object({
  id, name: z.string().check(z.regex(/^@\S+\d$/, "nom d'acquis attendu : @sujetN")), level, tubeId: id, competenceId: id,
  pixValue: z._default(z.number(), 0), status: z.enum(['actif', 'archivé']), tutorialIds: z.array(id),
  learningMoreTutorialIds: z.array(id), hint: text,
});

const treatmentFlags = z.object({ t1: z.optional(z.boolean()), t2: z.optional(z.boolean()), t3: z.optional(z.boolean()) });

export const solutionSchema = z.object({
  value: text,
  deactivations: treatmentFlags,
  qrocBlocksTypes: z.optional(z.record(z.string(), z.enum(['text', 'select']))),
});

export const challengeSchema = z.object({
  id, skillId: id, competenceId: id, type: challengeTypeSchema, instruction: text,
  alternativeInstruction: z.optional(text), proposals: text, solution: solutionSchema,
  solutionToDisplay: z.optional(text),
  format: z.optional(z.enum(['nombre', 'mots', 'phrase', 'paragraphe', 'petit', 'email'])),
  timer: z.optional(z.number().check(z.positive('durée positive attendue'))),
  focused: z.boolean(), illustrationUrl: z.optional(text), illustrationAlt: z.optional(text),
  attachments: z.array(text), embedUrl: z.optional(text), embedTitle: z.optional(text),
  embedHeight: z.optional(z.number()), hasEmbedInternalValidation: z.optional(z.boolean()),
  autoReply: z.optional(z.boolean()), shuffled: z.optional(z.boolean()), status: challengeStatusSchema,
  locales: z.array(text), alternativeVersion: z.number(), difficulty: z.number(), discriminant: z.number(),
});

export const tutorialSchema = z.object({
  id, title: text, link: text, source: text, format: z.enum(['vidéo', 'page', 'pdf', 'son', 'outil', 'jeu']),
  duration: z.string().check(z.regex(/^\d\d:\d\d:\d\d$/, 'durée HH:MM:SS attendue')), summary: text,
});

export const cappedTubeSchema = z.object({ tubeId: id, level });

export const stageSchema = z.object({
  id, threshold: z.optional(percentage), level: z.optional(z.number().check(z.int(), z.gte(0), z.lte(8))),
  title: text, message: text, prescriberTitle: z.optional(text), prescriberDescription: z.optional(text),
});

export const badgeCriterionSchema = z.object({
  scope: z.enum(['CampaignParticipation', 'CappedTubes']), threshold: percentage,
  cappedTubes: z.optional(z.array(cappedTubeSchema)),
});

export const badgeSchema = z.object({
  id, key: text, title: text, message: text, altMessage: text, imageUrl: z.optional(text),
  isCertifiable: z.boolean(), criteria: z.array(badgeCriterionSchema),
});

export const targetProfileSchema = z.object({
  id, name: text,
  category: z.enum(['COMPETENCES', 'CUSTOM', 'DISCIPLINE', 'OTHER', 'PIX_PLUS', 'PREDEFINED', 'SUBJECT', 'TARGETED', 'BACK_TO_SCHOOL']),
  description: text, cappedTubes: z.array(cappedTubeSchema), stages: z.array(stageSchema), badges: z.array(badgeSchema),
});

export const contentPackSchema = z.object({
  version: text, areas: z.array(areaSchema), competences: z.array(competenceSchema), thematics: z.array(thematicSchema),
  tubes: z.array(tubeSchema), skills: z.array(skillSchema), challenges: z.array(challengeSchema),
  tutorials: z.array(tutorialSchema), targetProfiles: z.array(targetProfileSchema),
});

export const answerStatusSchema = z.enum(['ok', 'ko', 'aband', 'timedout', 'focusedOut', 'partially', 'unimplemented']);

export const answerEventSchema = z.object({
  id, userId: id, assessmentId: id, challengeId: id, value: text, timeout: z.nullable(z.number()),
  focusedOut: z.boolean(), timeSpent: z.number(), createdAt: z.iso.datetime({ offset: true }), receivedAt: z.optional(z.iso.datetime({ offset: true })),
  result: answerStatusSchema, resultDetails: z.optional(z.record(z.string(), z.boolean())),
});

export const knowledgeElementSchema = z.object({
  id, createdAt: z.iso.datetime({ offset: true }), source: z.enum(['direct', 'inferred']),
  status: z.enum(['validated', 'invalidated', 'reset']), earnedPix: z.number(), answerId: id, assessmentId: id,
  skillId: id, userId: id, competenceId: id,
});

export const assessmentSchema = z.object({
  id, userId: id, type: z.enum(['COMPETENCE_EVALUATION', 'CAMPAIGN', 'CERTIFICATION', 'PREVIEW']),
  state: z.enum(['started', 'completed', 'aborted']), method: z.enum(['SMART_RANDOM', 'FLASH', 'CERTIFICATION_V2', 'BAYES']),
  competenceId: z.optional(id), campaignParticipationId: z.optional(id), certificationCourseId: z.optional(id),
  createdAt: z.iso.datetime({ offset: true }), updatedAt: z.iso.datetime({ offset: true }),
});
