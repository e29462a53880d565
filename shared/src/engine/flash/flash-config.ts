/**
 * Settings of the flash engine (§3.2 "v3 configuration"). Defaults follow the v3 seed configuration
 * (32 questions, top 5 + 51 % cascade, step cap 0.5, one question per tube, passage by all
 * competences, 2 answers between two questions of the same competence) with a start capacity of 0;
 * `CERTIFICATION_V3_FLASH_CONFIG` starts at −3 as the v3 certification does.
 */
export interface FlashConfig {
  /** stop after this many answers (v3: 32) */
  maximumAssessmentLength: number;
  /** θ before any answer (0 default, −3 for certification v3) */
  startCapacity: number;
  /** per-answer step cap of the capacity; undefined = no cap */
  variationPercent?: number;
  /** how many best-rewarded challenges enter the cascade draw */
  topChallengesCount: number;
  /** probability (%) to take each challenge of the cascade in turn */
  probabilityToPickChallenge: number;
  /** never two questions of the same tube */
  limitToOneQuestionPerTube: boolean;
  /** until every target competence was seen, ask only unseen competences */
  enablePassageByAllCompetences: boolean;
  /** avoid the competences of the last N answers when possible (0 = off) */
  challengesBetweenSameCompetence: number;
}

export const DEFAULT_FLASH_CONFIG: FlashConfig = {
  maximumAssessmentLength: 32,
  startCapacity: 0,
  variationPercent: 0.5,
  topChallengesCount: 5,
  probabilityToPickChallenge: 51,
  limitToOneQuestionPerTube: true,
  enablePassageByAllCompetences: true,
  challengesBetweenSameCompetence: 2,
};

export const CERTIFICATION_V3_FLASH_CONFIG: FlashConfig = { ...DEFAULT_FLASH_CONFIG, startCapacity: -3 };

export function flashConfigOf(overrides: Partial<FlashConfig> = {}): FlashConfig {
  return { ...DEFAULT_FLASH_CONFIG, ...overrides };
}
