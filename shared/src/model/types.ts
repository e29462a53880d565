/**
 * Types of the learning content and of the learner's events, shared by browser and server.
 *
 * Hierarchy (§1 of the domain spec): Area → Competence → Thematic → Tube → Skill → Challenge,
 * with Tutorials linked from skills and TargetProfiles made of capped tubes. Answers are immutable
 * events created on the device; knowledge elements are derived from them by pure functions.
 *
 * Keep exported names stable: client, server, scripts and content all build on them. Add fields,
 * do not rename.
 */

export type ChallengeType = 'QCU' | 'QCM' | 'QROC' | 'QROCM-ind' | 'QROCM-dep';
export type ChallengeStatus = 'validé' | 'archivé' | 'périmé';
export type Treatment = 't1' | 't2' | 't3';

export interface Area {
  id: string;
  /** "1".."5" */
  code: string;
  /** e.g. "1. Informations et données" */
  name: string;
  /** e.g. "Informations et données" */
  title: string;
  /** CSS colour of the domain (cards, charts) */
  color: string;
  competenceIds: string[];
}

export interface Competence {
  id: string;
  /** "1.1" … "5.2" */
  index: string;
  name: string;
  description: string;
  areaId: string;
  origin: 'Pix';
}

export interface Thematic {
  id: string;
  name: string;
  index: number;
  competenceId: string;
  tubeIds: string[];
}

export interface Tube {
  id: string;
  /** skill name without its level digit, e.g. "@moteurRecherche" */
  name: string;
  practicalTitle: string;
  practicalDescription: string;
  competenceId: string;
  thematicId: string;
}

export interface Skill {
  id: string;
  /** "@<tubeName><level>", e.g. "@moteurRecherche2" */
  name: string;
  /** difficulty = level, 1..8 */
  level: number;
  tubeId: string;
  competenceId: string;
  /** computed by the pack loader (§1.2): 8 / #active skills of the same competence and level, capped at 4 */
  pixValue: number;
  status: 'actif' | 'archivé';
  tutorialIds: string[];
  learningMoreTutorialIds: string[];
  /** "Pour réussir la prochaine fois" */
  hint: string;
}

export interface Solution {
  /**
   * QCU: the index of the right proposal ("2"). QCM: comma list ("1,3").
   * QROC: accepted answers, one per line. QROCM-ind / QROCM-dep: YAML map `key:` → list of variants.
   */
  value: string;
  /** treatments switched off for this challenge, e.g. { t3: true } */
  deactivations: Partial<Record<Treatment, boolean>>;
  /** QROCM blocks that are selects: compared exactly, no treatment */
  qrocBlocksTypes?: Record<string, 'text' | 'select'>;
}

export interface Challenge {
  id: string;
  skillId: string;
  competenceId: string;
  type: ChallengeType;
  /** Markdown */
  instruction: string;
  alternativeInstruction?: string;
  /** Markdown; QCU/QCM: "- option" lines; QROC(M): template with ${key#placeholder} blocks */
  proposals: string;
  solution: Solution;
  /** shown in the correction when the raw solution is not readable as is */
  solutionToDisplay?: string;
  /** "nombre" switches QROC to numeric comparison */
  format?: 'nombre' | 'mots' | 'phrase' | 'paragraphe' | 'petit' | 'email';
  /** seconds; the challenge is timed iff set */
  timer?: number;
  focused: boolean;
  illustrationUrl?: string;
  illustrationAlt?: string;
  /** URLs under /content/files/… shipped with the product */
  attachments: string[];
  /** URL of an offline simulator under /simulators/… */
  embedUrl?: string;
  embedTitle?: string;
  embedHeight?: number;
  /** the simulator posts the answer itself */
  hasEmbedInternalValidation?: boolean;
  autoReply?: boolean;
  shuffled?: boolean;
  status: ChallengeStatus;
  locales: string[];
  alternativeVersion: number;
  /** IRT 2PL calibration */
  difficulty: number;
  discriminant: number;
}

export interface Tutorial {
  id: string;
  title: string;
  link: string;
  source: string;
  format: 'vidéo' | 'page' | 'pdf' | 'son' | 'outil' | 'jeu';
  /** "HH:MM:SS" */
  duration: string;
  /** a few lines in French, readable offline */
  summary: string;
}

export interface CappedTube {
  tubeId: string;
  level: number;
}

export interface Stage {
  id: string;
  /** percentage of the campaign skills (0..100); or a level, converted to a threshold */
  threshold?: number;
  level?: number;
  title: string;
  message: string;
  prescriberTitle?: string;
  prescriberDescription?: string;
}

export interface BadgeCriterion {
  scope: 'CampaignParticipation' | 'CappedTubes';
  /** percentage 0..100 */
  threshold: number;
  cappedTubes?: CappedTube[];
}

export interface Badge {
  id: string;
  key: string;
  title: string;
  message: string;
  altMessage: string;
  imageUrl?: string;
  isCertifiable: boolean;
  criteria: BadgeCriterion[];
}

export type TargetProfileCategory =
  | 'COMPETENCES' | 'CUSTOM' | 'DISCIPLINE' | 'OTHER' | 'PIX_PLUS' | 'PREDEFINED' | 'SUBJECT' | 'TARGETED' | 'BACK_TO_SCHOOL';

export interface TargetProfile {
  id: string;
  name: string;
  category: TargetProfileCategory;
  description: string;
  cappedTubes: CappedTube[];
  stages: Stage[];
  badges: Badge[];
}

/** The runtime pack the engines load (built from the reviewable sources in content/). */
export interface ContentPack {
  version: string;
  areas: Area[];
  competences: Competence[];
  thematics: Thematic[];
  tubes: Tube[];
  skills: Skill[];
  challenges: Challenge[];
  tutorials: Tutorial[];
  targetProfiles: TargetProfile[];
}

// ---------------------------------------------------------------------------------------------
// Learner events and derived data

export type AnswerStatus = 'ok' | 'ko' | 'aband' | 'timedout' | 'focusedOut' | 'partially' | 'unimplemented';

export type AssessmentType = 'COMPETENCE_EVALUATION' | 'CAMPAIGN' | 'CERTIFICATION' | 'PREVIEW';
export type AssessmentState = 'started' | 'completed' | 'aborted';
export type AssessmentMethod = 'SMART_RANDOM' | 'FLASH' | 'CERTIFICATION_V2' | 'BAYES';

/** An answer as created on the device: immutable, identified by a client UUID. */
export interface AnswerEvent {
  id: string;
  userId: string;
  assessmentId: string;
  challengeId: string;
  /** raw value; "#ABAND#" when skipped ("Je passe") */
  value: string;
  /** seconds left when answered on a timed challenge; negative = timed out; null if not timed */
  timeout: number | null;
  /** the learner left the page during a focused challenge */
  focusedOut: boolean;
  /** seconds spent */
  timeSpent: number;
  /** device time, ISO 8601 */
  createdAt: string;
  /**
   * node time, ISO 8601, at which the FIRST node stored the answer (set by that node, carried upward by
   * the relay, never taken from a device): what orders an assessment's answers (ADR 0001, precedence).
   * Absent on the device until the node's copy comes back: such an answer is the device's latest.
   */
  receivedAt?: string;
  /** result as computed where it was matched (the server's is authoritative) */
  result: AnswerStatus;
  /** QROCM: per-key booleans */
  resultDetails?: Record<string, boolean>;
}

export type KnowledgeElementStatus = 'validated' | 'invalidated' | 'reset';
export type KnowledgeElementSource = 'direct' | 'inferred';

export interface KnowledgeElement {
  /** deterministic: `${answerId}:${skillId}` (or `reset:${…}` for resets) */
  id: string;
  createdAt: string;
  source: KnowledgeElementSource;
  status: KnowledgeElementStatus;
  earnedPix: number;
  answerId: string;
  assessmentId: string;
  skillId: string;
  userId: string;
  competenceId: string;
}

export interface Assessment {
  id: string;
  userId: string;
  type: AssessmentType;
  state: AssessmentState;
  method: AssessmentMethod;
  competenceId?: string;
  campaignParticipationId?: string;
  certificationCourseId?: string;
  /** "Retenter" (§2.4): old failed skills may be asked again */
  isImproving?: boolean;
  /** "Réinitialiser" (§2.4): every skill of the competence gets a reset KE at this time */
  resetAt?: string;
  completedAt?: string;
  createdAt: string;
  updatedAt: string;
}
