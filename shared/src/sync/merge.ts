/**
 * Merge rules of the replicated collections: pure, deterministic, and independent of arrival order,
 * so that the same documents pushed in any order, any number of times, by any number of devices,
 * give the same stored state (ARCHITECTURE "events first"). The property test checks exactly that.
 *
 * - answers: immutable events, set union by id; in an assessment they are ordered by the time the first
 *   node stored them (`receivedAt`, the node's clock, never the device's), then createdAt, then id; a later
 *   answer to a challenge already answered is kept but `superseded` (first wins).
 * - assessments: identity fields are fixed at creation; state only moves forward
 *   (started < aborted < completed).
 * - campaign participations: status only moves forward (STARTED < TO_SHARE < SHARED); sharedAt is
 *   the earliest sharing time seen.
 * - user tutorials: last writer wins on updatedAt, ties broken by content so the result is the same
 *   whichever copy arrived first.
 */
import { compareAnswerOrder } from '../scoring/time';
import type { AnswerDoc, AssessmentDoc, CampaignParticipationDoc, UserTutorialDoc } from './protocol';

const PARTICIPATION_RANK = { STARTED: 0, TO_SHARE: 1, SHARED: 2 } as const;
const ASSESSMENT_RANK = { started: 0, aborted: 1, completed: 2 } as const;

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function firstDefined<T extends string>(a: T | null | undefined, b: T | null | undefined): T | null {
  if (a == null) return b ?? null;
  if (b == null) return a;
  return a <= b ? a : b;
}

/** Stable JSON of a document without its serverSeq (compares what a client sees, key order aside). */
export function canonicalDocument(doc: object): string {
  const entries = Object.entries(doc)
    .filter(([key, value]) => key !== 'serverSeq' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries.map(([key, value]) => [key, typeof value === 'object' && value !== null && !Array.isArray(value) ? canonicalDocument(value) : value]));
}

export function sameDocument(a: object, b: object): boolean {
  return canonicalDocument(a) === canonicalDocument(b);
}

/**
 * An answer is an immutable event: the stored one is kept, except its reception stamp, which is the EARLIEST
 * any trusted node gave it (a device that pushed the same answer to the relay and, later, to central gets
 * two stamps; min is order-free). Callers strip stamps a device sent before merging (push-answers.ts).
 */
export function mergeAnswer(master: AnswerDoc | undefined, incoming: AnswerDoc): AnswerDoc {
  if (!master) return incoming;
  if (incoming.receivedAt === undefined) return master;
  if (master.receivedAt === undefined || Date.parse(incoming.receivedAt) < Date.parse(master.receivedAt)) return { ...master, receivedAt: incoming.receivedAt };
  return master;
}

export interface OrderedAnswers<T> {
  /** every answer, in answer order (compareAnswerOrder: receivedAt, createdAt, id) */
  ordered: T[];
  /** the first answer to each challenge, in order: what engines, scoring and results read */
  effective: T[];
  /** ids of later answers to an already answered challenge */
  superseded: Set<string>;
}

/** Orders the answers of ONE assessment and flags second answers to a challenge (first one wins). */
export function orderAssessmentAnswers<T extends { id: string; createdAt: string; receivedAt?: string; challengeId: string }>(
  answers: readonly T[],
): OrderedAnswers<T> {
  const unique = new Map<string, T>();
  for (const answer of answers) if (!unique.has(answer.id)) unique.set(answer.id, answer);
  const ordered = [...unique.values()].sort(compareAnswerOrder);
  const seen = new Set<string>();
  const effective: T[] = [];
  const superseded = new Set<string>();
  for (const answer of ordered) {
    if (seen.has(answer.challengeId)) superseded.add(answer.id);
    else {
      seen.add(answer.challengeId);
      effective.push(answer);
    }
  }
  return { ordered, effective, superseded };
}

/** Identity from the first stored copy; the state only moves forward; completedAt is the node's. */
export function mergeAssessment(master: AssessmentDoc | undefined, incoming: AssessmentDoc): AssessmentDoc {
  if (!master) return incoming;
  const state = ASSESSMENT_RANK[incoming.state] > ASSESSMENT_RANK[master.state] ? incoming.state : master.state;
  // "Réinitialiser" is an event on the latest evaluation of a competence: once seen it stays (earliest wins).
  const resetAt = firstDefined(master.resetAt, incoming.resetAt);
  return { ...master, state, ...(resetAt ? { resetAt } : {}), updatedAt: later(master.updatedAt, incoming.updatedAt), _deleted: false };
}

export function mergeCampaignParticipation(
  master: CampaignParticipationDoc | undefined,
  incoming: CampaignParticipationDoc,
): CampaignParticipationDoc {
  if (!master) return incoming.status === 'SHARED' ? incoming : { ...incoming, sharedAt: null };
  const status = PARTICIPATION_RANK[incoming.status] > PARTICIPATION_RANK[master.status] ? incoming.status : master.status;
  const shared = [master, incoming].filter((doc) => doc.status === 'SHARED' && doc.sharedAt).map((doc) => doc.sharedAt as string);
  return {
    ...master,
    status,
    participantExternalId: firstDefined(master.participantExternalId, incoming.participantExternalId),
    createdAt: earlier(master.createdAt, incoming.createdAt),
    sharedAt: status === 'SHARED' && shared.length > 0 ? shared.reduce(earlier) : null,
    updatedAt: later(master.updatedAt, incoming.updatedAt),
    _deleted: false,
  };
}

/** Last writer wins on updatedAt; equal dates → the larger canonical content, whatever the order. */
export function mergeUserTutorial(master: UserTutorialDoc | undefined, incoming: UserTutorialDoc): UserTutorialDoc {
  if (!master) return incoming;
  const byDate = Date.parse(incoming.updatedAt) - Date.parse(master.updatedAt);
  if (byDate > 0) return incoming;
  if (byDate < 0) return master;
  return canonicalDocument(incoming) > canonicalDocument(master) ? incoming : master;
}
