/**
 * zod schemas of the content SOURCE format (content/README.md): competence files and target profiles.
 *
 * Each level of the hierarchy (file → thematic → tube → skill → challenge) is validated on its own, the
 * parent holding its children as `unknown[]`: one bad challenge is reported with its path and dropped,
 * and everything else is still built and checked, so the validator prints all errors in one run.
 * Objects are strict: an unknown (often misspelt) field is an error. Count rules (≥ 2 challenges per
 * skill, ≥ 1 tutorial per tube) are checked by the validator, not here, so the item is still built.
 */
import { z } from 'zod';

/** A YAML scalar the writer may leave unquoted (`solution: 2`): numbers and booleans become strings. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const nonEmpty = z.string().trim().min(1, 'ne doit pas être vide');

export const competenceFileSchema = z.strictObject({
  competence: text,
  thematics: z.array(z.unknown()).min(1, 'au moins une thématique'),
});

export const thematicSchema = z.strictObject({
  name: nonEmpty,
  tubes: z.array(z.unknown()).min(1, 'au moins un sujet'),
});

export const tutorialSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'identifiant en minuscules, chiffres, points et tirets'),
  title: nonEmpty,
  source: nonEmpty,
  format: z.enum(['vidéo', 'page', 'pdf', 'son', 'outil', 'jeu']),
  duration: z.string().regex(/^\d{2}:[0-5]\d:[0-5]\d$/, 'durée au format HH:MM:SS'),
  link: z.url({ protocol: /^https?$/, error: 'lien http(s) attendu' }),
  summary: nonEmpty,
});

export const tubeSchema = z.strictObject({
  name: z.string().regex(/^@[a-z][a-zA-Z0-9]*[a-zA-Z]$/, 'nom de sujet attendu : @ suivi de camelCase ASCII, sans chiffre final'),
  practicalTitle: nonEmpty,
  practicalDescription: nonEmpty,
  tutorials: z.array(z.unknown()),
  skills: z.array(z.unknown()).min(1, 'au moins un acquis'),
});

export const skillSchema = z.strictObject({
  level: z.number().int().min(1).max(8),
  hint: nonEmpty,
  status: z.enum(['actif', 'archivé']).optional(),
  tutorials: z.array(z.string()).default([]),
  learningMore: z.array(z.string()).default([]),
  challenges: z.array(z.unknown()),
});

/** QROCM solutions may be written as a YAML block string (README) or directly as a map; QROC as a list. */
const solutionMap = z.record(z.string(), z.union([text, z.array(text)]));

const embedSchema = z.strictObject({
  url: z.string().startsWith('/', 'URL locale attendue (commençant par /)'),
  title: nonEmpty,
  height: z.number().int().positive().optional(),
  hasEmbedInternalValidation: z.boolean().optional(),
  autoReply: z.boolean().optional(),
});

export const challengeSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, 'identifiant : lettres, chiffres, points, tirets'),
  type: z.enum(['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']),
  instruction: nonEmpty,
  alternativeInstruction: z.string().optional(),
  proposals: nonEmpty,
  solution: z.union([text, z.array(text), solutionMap]),
  deactivations: z.strictObject({ t1: z.boolean().optional(), t2: z.boolean().optional(), t3: z.boolean().optional() }).optional(),
  selects: z.array(z.string()).optional(),
  solutionToDisplay: z.string().optional(),
  format: z.enum(['nombre', 'mots', 'phrase', 'paragraphe', 'petit', 'email']).optional(),
  timer: z.number().int().positive().optional(),
  focused: z.boolean().optional(),
  illustration: z.strictObject({ url: z.string().startsWith('/', 'URL locale attendue (commençant par /)'), alt: nonEmpty }).optional(),
  attachments: z.array(z.string().startsWith('/', 'URL locale attendue (commençant par /)')).optional(),
  embed: embedSchema.optional(),
  hasEmbedInternalValidation: z.boolean().optional(),
  autoReply: z.boolean().optional(),
  shuffled: z.boolean().optional(),
  examples: z.strictObject({
    accepted: z.array(text).min(1, 'au moins une réponse acceptée'),
    rejected: z.array(text).min(1, 'au moins une réponse refusée'),
  }),
  status: z.enum(['validé', 'archivé', 'périmé']).optional(),
  irt: z.strictObject({ difficulty: z.number(), discriminant: z.number().positive() }).optional(),
});

const cappedTubeSource = z.strictObject({ tube: z.string().startsWith('@', 'nom de sujet attendu (@…)'), level: z.number().int().min(1).max(8) });

const stageSource = z
  .strictObject({
    threshold: z.number().min(0).max(100).optional(),
    level: z.number().int().min(0).max(8).optional(),
    title: nonEmpty,
    message: nonEmpty,
    prescriberTitle: z.string().optional(),
    prescriberDescription: z.string().optional(),
  })
  .refine((s) => (s.threshold === undefined) !== (s.level === undefined), 'un palier a soit un seuil (threshold), soit un niveau (level)');

const badgeSource = z.strictObject({
  key: z.string().regex(/^[A-Z0-9_]+$/, 'clé en MAJUSCULES_ET_TIRETS_BAS'),
  title: nonEmpty,
  message: nonEmpty,
  altMessage: nonEmpty,
  imageUrl: z.string().optional(),
  isCertifiable: z.boolean(),
  criteria: z
    .array(
      z.strictObject({
        scope: z.enum(['CampaignParticipation', 'CappedTubes']),
        threshold: z.number().min(0).max(100),
        tubes: z.array(cappedTubeSource).optional(),
      }),
    )
    .min(1, 'au moins un critère'),
});

export const targetProfileSourceSchema = z.strictObject({
  id: z.string().regex(/^tp-[a-z0-9-]+$/, 'identifiant attendu : tp-<minuscules-et-tirets>'),
  name: nonEmpty,
  category: z.enum(['COMPETENCES', 'CUSTOM', 'DISCIPLINE', 'OTHER', 'PIX_PLUS', 'PREDEFINED', 'SUBJECT', 'TARGETED', 'BACK_TO_SCHOOL']),
  description: nonEmpty,
  tubes: z.array(cappedTubeSource).min(1, 'au moins un sujet'),
  stages: z.array(stageSource).default([]),
  badges: z.array(badgeSource).default([]),
});

export const targetProfilesFileSchema = z.array(z.unknown());

export type CompetenceFileSource = z.infer<typeof competenceFileSchema>;
export type ThematicSource = z.infer<typeof thematicSchema>;
export type TubeSource = z.infer<typeof tubeSchema>;
export type TutorialSource = z.infer<typeof tutorialSourceSchema>;
export type SkillSource = z.infer<typeof skillSchema>;
export type ChallengeSource = z.infer<typeof challengeSourceSchema>;
export type TargetProfileSource = z.infer<typeof targetProfileSourceSchema>;
export type CappedTubeSource = z.infer<typeof cappedTubeSource>;
