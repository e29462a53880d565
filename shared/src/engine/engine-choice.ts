/**
 * Which adaptive engine runs an assessment when its campaign or competence evaluation does not say
 * (issue 8). Client and server read these constants; a campaign may override with its own method.
 * An assessment keeps the method it was created with, so changing a default never changes an
 * assessment in progress.
 *
 * Round 5 (issue 14): smart random is the default again. The Bayesian engine won its place in round 4 on
 * a simulator whose learners followed its own assumptions; against learner families it does not assume
 * (`npm run simulate`: tubes at different levels, a collège population, answers correlated on a skill,
 * skippers, experts, noiseless step learners) even its tube model (ADR 0002, round 5) falls short of smart
 * random somewhere — 0.79 × its questions on today's learners for a 0.75 × target, 3 points of exact level
 * lost on answers correlated within a skill, near-ties below it at level 0 — so it is neither the default
 * nor offered for campaigns. It still runs the assessments created with it.
 */
import type { AssessmentMethod } from '../model/types';

export const DEFAULT_COMPETENCE_EVALUATION_METHOD: AssessmentMethod = 'SMART_RANDOM';
export const DEFAULT_CAMPAIGN_METHOD: AssessmentMethod = 'SMART_RANDOM';

/**
 * The engines a teacher may choose for a campaign: the one list the node's validation, the school page's
 * options and their explanations derive from (it may shrink to a single engine). Certification methods are
 * not offered: FLASH (IRT) is the v3 certification engine, and on campaigns it placed experts at level 3–5
 * and found the exact level of fewer than a quarter of the simulated pupils. BAYES is not offered either
 * since round 5 (see above): an engine is offered only when it is as right as smart random on every
 * simulated learner family (issue 14, item 3). A campaign whose stored choice
 * is no longer listed runs the default for its new participations; its existing assessments keep theirs.
 */
export const CAMPAIGN_METHODS: readonly AssessmentMethod[] = ['SMART_RANDOM'];

/** French names of the engines (school page, the node's messages). */
export const METHOD_NAMES: Record<AssessmentMethod, string> = {
  SMART_RANDOM: 'Smart random (Pix)',
  BAYES: 'Bayésien',
  FLASH: 'Flash (IRT)',
  CERTIFICATION_V2: 'Certification v2',
};

/** Why an engine that exists is not offered for campaigns. */
const NOT_OFFERED_BECAUSE: Partial<Record<AssessmentMethod, string>> = {
  FLASH: "c'est le moteur de la certification v3, trop imprécis sur les campagnes",
  CERTIFICATION_V2: "c'est l'épreuve fixe de la certification, pas un parcours adaptatif",
  BAYES: "il n'est pas encore juste sur tous les profils d'élèves simulés",
};

export function isCampaignMethod(method: unknown): method is AssessmentMethod {
  return CAMPAIGN_METHODS.includes(method as AssessmentMethod);
}

/** The method of a new campaign assessment: the campaign's own choice when still offered, else the default. */
export function campaignMethod(configured?: AssessmentMethod | null): AssessmentMethod {
  return isCampaignMethod(configured) ? configured : DEFAULT_CAMPAIGN_METHOD;
}

/** "A", "A ou B", "A, B ou C" */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ou ${items.at(-1)}`;
}

/**
 * Why a campaign may not be set to `method`, in French, naming what may be chosen; null when it may. An
 * unknown name is not echoed back (it may be anything a client sent).
 */
export function campaignMethodRefusal(method: string, offered: readonly AssessmentMethod[] = CAMPAIGN_METHODS): string | null {
  if (offered.includes(method as AssessmentMethod)) return null;
  const choices = `Choisissez ${orList(offered.map((m) => `${METHOD_NAMES[m]} (${m})`))}.`;
  if (!Object.hasOwn(METHOD_NAMES, method)) return `Moteur inconnu. ${choices}`;
  const known = method as AssessmentMethod;
  const because = NOT_OFFERED_BECAUSE[known];
  return `Le moteur ${METHOD_NAMES[known]} n'est pas proposé pour les campagnes${because ? ` : ${because}` : ''}. ${choices}`;
}
