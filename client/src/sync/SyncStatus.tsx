/**
 * The sync state, always visible in the header: "Synchronisé", "N réponses en attente" or "Hors ligne".
 * An answer is pending until the node has acknowledged it (a receipt in the local database).
 */
import { useOnline } from '../app/use-online';
import { useObservable } from '../db/use-rx';
import { usePupil } from '../pupil/pupil-data';

export function usePendingAnswers(): number {
  const pupil = usePupil();
  const receipts = useObservable(
    () => pupil.db.receipts.find({ selector: { syncCollection: 'answers' } }).$,
    [],
    [pupil.db],
  );
  const acknowledged = new Map(receipts.map((r) => [r.id.slice('answers:'.length), r.updatedAt]));
  return pupil.answers.filter((a) => acknowledged.get(a.id) !== a.updatedAt).length;
}

export function SyncStatus() {
  const online = useOnline();
  const pending = usePendingAnswers();
  let label: string;
  let modifier: string;
  if (!online) {
    label = pending > 0 ? `Hors ligne — ${pending} réponse${pending > 1 ? 's' : ''} en attente` : 'Hors ligne';
    modifier = 'fr-badge--warning';
  } else if (pending > 0) {
    label = `${pending} réponse${pending > 1 ? 's' : ''} en attente`;
    modifier = 'fr-badge--info';
  } else {
    label = 'Synchronisé';
    modifier = 'fr-badge--success';
  }
  return (
    <span className={`fr-badge fr-badge--sm ${modifier} pix-sync`} role="status" aria-live="polite" data-testid="sync-status">
      {label}
    </span>
  );
}
