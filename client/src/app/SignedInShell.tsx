/**
 * The signed-in frame: layout, screens, and logging out safely. On a shared school PC, "Se déconnecter"
 * deletes the pupil's local database only once the node holds everything; otherwise it says how much
 * is still waiting and keeps it (it will leave at the next login on this PC).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { api } from '../api/http';
import { removeUserDatabase } from '../db/database';
import { usePupil } from '../pupil/pupil-data';
import { pendingDocuments } from '../sync/replication';
import { Layout } from './Layout';
import { organizationsOf, Routes } from './Routes';
import { forgetUser } from './session';

const SYNC_BEFORE_LOGOUT_MS = 4000;

export function SignedInShell(props: { onSignedOut: (notice?: string) => void }) {
  const pupil = usePupil();
  const [pendingAtLogout, setPendingAtLogout] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOut(keepLocalData: boolean) {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // offline: the device forgets the user now; the node's session expires on its own
    }
    await pupil.sync?.stop();
    if (!keepLocalData) await removeUserDatabase(pupil.profile.id);
    forgetUser();
    props.onSignedOut(keepLocalData ? 'Vos réponses non synchronisées restent sur cet ordinateur : elles partiront à votre prochaine connexion.' : undefined);
  }

  async function requestLogout() {
    setBusy(true);
    try {
      if (navigator.onLine && pupil.sync) {
        await Promise.race([pupil.sync.syncNow(), new Promise((resolve) => setTimeout(resolve, SYNC_BEFORE_LOGOUT_MS))]);
      }
      const pending = await pendingDocuments(pupil.db);
      if (pending === 0) await signOut(false);
      else setPendingAtLogout(pending);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Layout
      firstName={pupil.profile.firstName}
      onLogout={() => void requestLogout()}
      signedIn
      isAdmin={organizationsOf(pupil.profile).some((o) => o.role === 'ADMIN')}
    >
      {pupil.sessionExpired && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-2w" role="status">
          <p>
            Votre session a expiré : vos réponses restent enregistrées sur cet appareil. Reconnectez-vous pour les synchroniser.{' '}
            <button type="button" className="fr-link" onClick={() => void signOut(true)}>
              Se reconnecter
            </button>
          </p>
        </div>
      )}
      {pendingAtLogout !== null && (
        <div className="fr-alert fr-alert--warning fr-mt-2w" role="alertdialog" aria-labelledby="logout-title" data-testid="logout-warning">
          <h2 id="logout-title" className="fr-alert__title">
            Des données ne sont pas encore synchronisées
          </h2>
          <p>
            {pendingAtLogout} élément{pendingAtLogout > 1 ? 's' : ''} (réponses, tests, tutos) n'{pendingAtLogout > 1 ? 'ont' : 'a'} pas encore
            été reçu{pendingAtLogout > 1 ? 's' : ''} par le serveur. Si vous vous déconnectez, ils restent enregistrés sur cet ordinateur et
            partiront à votre prochaine connexion ici.
          </p>
          <div className="pix-challenge__actions pix-actions--start">
            <Button onClick={() => setPendingAtLogout(null)}>Rester connecté</Button>
            <Button priority="secondary" onClick={() => void signOut(true)}>
              Me déconnecter quand même
            </Button>
          </div>
        </div>
      )}
      {busy && <p className="fr-sr-only" role="status">Synchronisation avant la déconnexion…</p>}
      <Routes />
    </Layout>
  );
}
