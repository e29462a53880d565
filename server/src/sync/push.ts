/**
 * Applies one push: validates the envelope (malformed → 400), then each document on its own
 * (invalid or foreign rows are rejected, the rest goes on), then runs the collection's handler in ONE
 * better-sqlite3 transaction (see push-queue.ts for group commit). Changes are announced to live
 * streams by the caller, only after the commit.
 */
import type * as z from 'zod/mini';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type {
  AnswerDoc, AssessmentDoc, CampaignParticipationDoc, PushResponse, SyncCollection, UserTutorialDoc,
} from '../../../shared/src/sync/protocol';
import { docSchemas, pushRequestSchema } from '../../../shared/src/sync/schemas';
import type { Db } from '../db/database';
import { badRequest } from '../http/errors';
import { USER_STORAGE_QUOTA_BYTES } from '../http/limits';
import { storedBytesOfUser, storedSize } from './document-repository';
import { pushAnswers } from './push-answers';
import type { PushContext } from './push-context';
import { pushAssessments, pushCampaignParticipations, pushUserTutorials } from './push-documents';
import { describePrincipal, mayAccess, type Principal } from './principal';
import { rejection } from './rejections';
import type { SyncEvents } from './sync-events';

export interface SyncDeps {
  db: Db;
  index: PackIndex;
  /** relay mode: accepted writes enter the outbox */
  forwarding: boolean;
  now: () => Date;
  log: (line: string) => void;
  events?: SyncEvents;
}

/**
 * The per-user quota over one push: what the user has stored (user_storage) plus what this push adds. A row
 * that only replaces a stored document of the same size (a push sent again) always fits.
 */
function quotaMeter(db: Db, limit: number) {
  const used = new Map<string, number>();
  return {
    admits(collection: SyncCollection, doc: { id: string; userId: string }): boolean {
      const current = used.get(doc.userId) ?? storedBytesOfUser(db, doc.userId);
      const size = Buffer.byteLength(JSON.stringify(doc));
      const grows = current + size > limit ? size - storedSize(db, collection, doc.id) : size;
      if (grows > 0 && current + grows > limit) return false;
      used.set(doc.userId, current + Math.max(grows, 0));
      return true;
    },
  };
}

/** zod issues → 400 INVALID_INPUT with French details (the shared schemas carry French messages). */
export function parseOr400<T extends z.ZodMiniType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw badRequest('INVALID_INPUT', 'Les données envoyées sont invalides.', details);
  }
  return parsed.data;
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(document)'} : ${issue.message}`)
    .join(' ; ');
}

export interface PushOutcome {
  response: PushResponse;
  /** users whose documents changed: announce them once the transaction committed */
  changedUsers: ReadonlySet<string>;
  /** assessments queued for derivation (deriver.ts): wait for them before answering */
  queued: ReadonlySet<string>;
}

/**
 * Validates and applies one push in its own transaction (a savepoint when called inside the group
 * transaction of PushQueue). Does not announce anything: the caller does, after the commit.
 */
export function applyPush(deps: SyncDeps, principal: Principal, collection: SyncCollection, body: unknown): PushOutcome {
  return applyRows(deps, principal, collection, parseOr400(pushRequestSchema, body).rows);
}

export type PushRows = z.infer<typeof pushRequestSchema>['rows'];

/** `applyPush` on rows of an envelope already validated (the route validates once, then applies in chunks). */
export function applyRows(deps: SyncDeps, principal: Principal, collection: SyncCollection, rows: PushRows): PushOutcome {
  const ctx: PushContext = {
    db: deps.db, index: deps.index, principal, now: deps.now().toISOString(), forwarding: deps.forwarding,
    conflicts: [], rejected: [], changedUsers: new Set(), queued: new Set(),
  };
  const docs: unknown[] = [];
  const quota = quotaMeter(deps.db, USER_STORAGE_QUOTA_BYTES);
  for (const row of rows) {
    const raw = row.newDocumentState;
    const parsed = docSchemas[collection].safeParse(raw);
    if (!parsed.success) {
      ctx.rejected.push(rejection(typeof raw.id === 'string' ? raw.id : '', 'INVALID_DOCUMENT', describeIssues(parsed.error)));
      continue;
    }
    const doc = parsed.data;
    if (!mayAccess(principal, doc.userId)) {
      deps.log(`sync: ${describePrincipal(principal)} pushed ${collection}/${doc.id} of user ${doc.userId}: refused (FORBIDDEN)`);
      ctx.rejected.push(rejection(doc.id, 'FORBIDDEN'));
      continue;
    }
    if (!quota.admits(collection, doc)) {
      deps.log(`sync: ${describePrincipal(principal)} pushed ${collection}/${doc.id} of user ${doc.userId}: refused (QUOTA_EXCEEDED)`);
      ctx.rejected.push(rejection(doc.id, 'QUOTA_EXCEEDED', `(limite : ${USER_STORAGE_QUOTA_BYTES / 1024 / 1024} Mo)`));
      continue;
    }
    docs.push(doc);
  }
  deps.db.transaction(() => {
    switch (collection) {
      case 'answers':
        return pushAnswers(ctx, docs as AnswerDoc[]);
      case 'assessments':
        return pushAssessments(ctx, docs as AssessmentDoc[]);
      case 'campaign-participations':
        return pushCampaignParticipations(ctx, docs as CampaignParticipationDoc[]);
      case 'user-tutorials':
        return pushUserTutorials(ctx, docs as UserTutorialDoc[]);
    }
  })();
  return { response: { conflicts: ctx.conflicts, rejected: ctx.rejected }, changedUsers: ctx.changedUsers, queued: ctx.queued };
}
