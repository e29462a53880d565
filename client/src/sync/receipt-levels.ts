/**
 * The two receipts of a local document, as pure rules. Level 1, « enregistré dans l'établissement »: the
 * node durably acknowledged this version (a receipt, written when a push is acknowledged or a document
 * pulled). Level 2, « transmis »: central holds it (a transmission) — at once when the node is central, on
 * a relay once `GET /api/sync/receipts` no longer lists it in the relay's outbox. Or parked: central
 * refused it for good. Also what the header says from these levels.
 */
import type { ReceiptsResponse } from '../../../shared/src/sync/schemas';
import type { SyncReceiptDoc, TransmissionDoc } from '../db/schemas';

export type NodeKind = ReceiptsResponse['node'];
export type Level = 'pending' | 'stored' | 'transmitted' | 'parked';

/** Where one local document stands. `node` is the kind of node this device syncs with (null: not known yet). */
export function levelOf(
  doc: { updatedAt: string },
  receipt: SyncReceiptDoc | undefined,
  transmission: TransmissionDoc | undefined,
  node: NodeKind | null,
): Level {
  if (!receipt || receipt.updatedAt !== doc.updatedAt) return 'pending';
  // central's acknowledgement is the transmission itself
  if (node === 'central') return 'transmitted';
  if (transmission && transmission.updatedAt === receipt.updatedAt) return transmission.state;
  return 'stored';
}

function transmitted(receipt: SyncReceiptDoc, transmission: TransmissionDoc | undefined): boolean {
  return transmission?.state === 'transmitted' && transmission.updatedAt === receipt.updatedAt;
}

/** Receipts still without a second one (parked ones counted only when asked: they may stay so for long). */
export function awaitingTransmission(receipts: SyncReceiptDoc[], transmissions: ReadonlyMap<string, TransmissionDoc>, options: { includeParked: boolean }): number {
  return receipts.filter((r) => {
    const t = transmissions.get(r.id);
    if (transmitted(r, t)) return false;
    return options.includeParked || !(t?.state === 'parked' && t.updatedAt === r.updatedAt);
  }).length;
}

/**
 * The second receipts that a receipts answer gives, the request having started at `requestedAt` (device
 * clock, like the receipts' `at`). Central's answer confirms every receipt: central holds what it
 * acknowledged. A relay's answer confirms only the receipts written BEFORE the request started — one
 * written meanwhile may be missing from the outbox list it was computed from although not forwarded —
 * and not listed as pending; those listed as parked are parked; a parked one listed as pending again
 * loses its parking. A transmitted version never goes back.
 */
export function secondReceipts(
  receipts: SyncReceiptDoc[],
  transmissions: ReadonlyMap<string, TransmissionDoc>,
  answer: ReceiptsResponse,
  requestedAt: string,
  now: string,
): { upserts: TransmissionDoc[]; removals: string[] } {
  const pending = new Set(answer.upstreamPending.map((p) => `${p.collection}:${p.id}`));
  const parked = new Map(answer.upstreamParked.map((p) => [`${p.collection}:${p.id}`, p.reason]));
  const upserts: TransmissionDoc[] = [];
  const removals: string[] = [];
  for (const receipt of receipts) {
    const current = transmissions.get(receipt.id);
    if (transmitted(receipt, current)) continue;
    const base = { id: receipt.id, syncCollection: receipt.syncCollection, updatedAt: receipt.updatedAt, at: now };
    if (answer.node === 'central') {
      upserts.push({ ...base, state: 'transmitted', reason: null });
      continue;
    }
    if (!(receipt.at < requestedAt)) continue;
    const parkedNow = current?.state === 'parked' && current.updatedAt === receipt.updatedAt ? current : undefined;
    if (pending.has(receipt.id)) {
      if (parkedNow) removals.push(receipt.id);
      continue;
    }
    const reason = parked.get(receipt.id);
    if (reason !== undefined) {
      if (parkedNow?.reason !== reason) upserts.push({ ...base, state: 'parked', reason });
      continue;
    }
    upserts.push({ ...base, state: 'transmitted', reason: null });
  }
  return { upserts, removals };
}

export interface AnswersState {
  /** not yet at the node */
  pending: number;
  /** at the node (a relay), not yet known to be at central */
  stored: number;
  transmitted: number;
  /** refused by central for good, with the reason */
  parked: { id: string; reason: string }[];
}

/** The levels of the pupil's answers (receipts and transmissions keyed by `answers:${id}`). */
export function answersState(
  answers: { id: string; updatedAt: string }[],
  receipts: ReadonlyMap<string, SyncReceiptDoc>,
  transmissions: ReadonlyMap<string, TransmissionDoc>,
  node: NodeKind | null,
): AnswersState {
  const state: AnswersState = { pending: 0, stored: 0, transmitted: 0, parked: [] };
  for (const answer of answers) {
    const key = `answers:${answer.id}`;
    const level = levelOf(answer, receipts.get(key), transmissions.get(key), node);
    if (level === 'parked') state.parked.push({ id: answer.id, reason: transmissions.get(key)?.reason ?? '' });
    else state[level]++;
  }
  return state;
}

export interface Headline {
  label: string;
  /** more about it (hover, screen readers) */
  detail: string | null;
  tone: 'success' | 'info' | 'warning' | 'error';
}

const answersWord = (n: number) => `${n} réponse${n > 1 ? 's' : ''}`;

/** What the header badge says. */
export function headline(state: AnswersState, online: boolean, node: NodeKind | null): Headline {
  const waitingTransmission = state.stored > 0 ? `${answersWord(state.stored)} en attente de transmission au serveur central` : null;
  const refusals = [...new Set(state.parked.map((p) => p.reason).filter(Boolean))].join(' ; ');
  if (!online) {
    if (state.pending > 0) return { label: `Hors ligne — ${answersWord(state.pending)} en attente`, detail: 'Elles partiront dès le retour du réseau.', tone: 'warning' };
    if (state.stored > 0) return { label: "Hors ligne — enregistré dans l'établissement", detail: waitingTransmission, tone: 'warning' };
    return { label: 'Hors ligne', detail: null, tone: 'warning' };
  }
  if (state.pending > 0) return { label: `${answersWord(state.pending)} en attente`, detail: "Pas encore reçues par le serveur : elles restent sur cet appareil jusque-là.", tone: 'info' };
  if (state.parked.length > 0) {
    const n = state.parked.length;
    return { label: `${answersWord(n)} refusée${n > 1 ? 's' : ''} par le serveur central`, detail: refusals ? `Motif : ${refusals}` : null, tone: 'error' };
  }
  if (state.stored > 0) return { label: "Enregistré dans l'établissement", detail: waitingTransmission, tone: 'info' };
  if (node === 'relay' && state.transmitted > 0) return { label: 'Transmis', detail: "Vos réponses sont enregistrées dans l'établissement et sur le serveur central.", tone: 'success' };
  return { label: 'Synchronisé', detail: null, tone: 'success' };
}
