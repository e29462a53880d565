/**
 * The sync state of the pupil's answers, always visible in the header (receipt-levels.ts says which):
 * « N réponses en attente » (not yet at the node), « Enregistré dans l'établissement » (the school relay
 * holds them, central not yet), « Transmis » / « Synchronisé » (central holds them), refusals by central,
 * and the « Hors ligne » variants. Details on hover and for screen readers.
 */
import type { Observable } from 'rxjs';
import { useOnline } from '../app/use-online';
import type { SyncReceiptDoc, TransmissionDoc } from '../db/schemas';
import { useObservable } from '../db/use-rx';
import { usePupil } from '../pupil/pupil-data';
import { answersState, headline, type AnswersState, type NodeKind } from './receipt-levels';

const TONES = { success: 'fr-badge--success', info: 'fr-badge--info', warning: 'fr-badge--warning', error: 'fr-badge--error' } as const;

function byId<T extends { id: string }>(docs: { toJSON: () => T }[]): Map<string, T> {
  return new Map(docs.map((d) => d.toJSON()).map((doc) => [doc.id, doc]));
}

export function useAnswersState(): { state: AnswersState; node: NodeKind | null } {
  const pupil = usePupil();
  const receipts = useObservable<{ toJSON: () => SyncReceiptDoc }[]>(() => pupil.db.receipts.find({ selector: { syncCollection: 'answers' } }).$, [], [pupil.db]);
  const transmissions = useObservable<{ toJSON: () => TransmissionDoc }[]>(
    () => pupil.db.transmissions.find({ selector: { syncCollection: 'answers' } }).$,
    [],
    [pupil.db],
  );
  const node = useObservable<NodeKind | null>(() => (pupil.sync?.node$ as Observable<NodeKind | null> | undefined) ?? null, null, [pupil.sync]);
  return { state: answersState(pupil.answers, byId(receipts), byId(transmissions), node), node };
}

export function SyncStatus() {
  const online = useOnline();
  const { state, node } = useAnswersState();
  const { label, detail, tone } = headline(state, online, node);
  return (
    <span
      className={`fr-badge fr-badge--sm ${TONES[tone]} pix-sync`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-pending={state.pending}
      data-stored={state.stored}
      data-parked={state.parked.length}
      title={detail ?? undefined}
    >
      {label}
      {detail && <span className="fr-sr-only"> — {detail}</span>}
    </span>
  );
}
