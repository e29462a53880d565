/**
 * The signed-in frame: layout, screens, and logging out safely. On a shared school PC, "Se déconnecter"
 * stops the sync and wipes from this PC everything the node durably holds (its receipt): only what it
 * has not received yet stays, and leaves at this pupil's next login here. When something stays, the app
 * says so first. A logout interrupted mid-way is finished at the next login (nothing is lost).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { logoutResponseSchema } from '../../../shared/src/api/schemas';
import { api } from '../api/http';
import { recoverKeptDocuments, recreateUserDatabase } from '../db/database';
import { usePupil } from '../pupil/pupil-data';
import type { NodeKind } from '../sync/receipt-levels';
import { pendingDocuments, unreceiptedDocuments } from '../sync/replication';
import { Layout } from './Layout';
import { organizationsOf, Routes } from './Routes';
import { forgetUser } from './session';

const SYNC_BEFORE_LOGOUT_MS = 4000;

function serverName(node: NodeKind | null | undefined): string {
  return node === 'relay' ? "le serveur de l'établissement" : node === 'central' ? 'le serveur Pix' : 'le serveur';
}

export function SignedInShell(props: { onSignedOut: (notice?: string) => void }) {
  const pupil = usePupil();
  const [pendingAtLogout, setPendingAtLogout] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = pupil.profile.id;

  // a logout closed mid-way left what it kept in a staging database: put it back, it leaves with the sync
  useEffect(() => {
    recoverKeptDocuments(pupil.db, userId).catch((error: unknown) => console.warn('Reprise des données gardées impossible', error));
  }, [pupil.db, userId]);

  async function signOut() {
    try {
      await api('/api/auth/logout', logoutResponseSchema, { method: 'POST' });
    } catch {
      // offline: the device forgets the user now; the node's session expires on its own
    }
    const node = pupil.sync?.node$.value;
    // Stopped first: nothing is pushed or pulled any more while the documents to keep are chosen.
    await pupil.sync?.stop();
    let kept: number | null = null;
    try {
      const keep = await unreceiptedDocuments(pupil.db);
      await recreateUserDatabase(userId, keep);
      kept = keep.answers.length + keep.assessments.length + keep.participations.length + keep.tutorials.length;
    } catch (error) {
      // the database stays as it was: nothing is lost, the next logout here wipes it
      console.warn('Nettoyage de la base locale impossible', error);
    }
    forgetUser();
    props.onSignedOut(
      kept === 0
        ? undefined
        : kept === null
          ? 'Vos données restent sur cet ordinateur : elles seront effacées à votre prochaine déconnexion.'
          : `Vos données que ${serverName(node)} n'a pas encore reçues (${kept} élément${kept > 1 ? 's' : ''}) restent sur cet ordinateur : ` +
            'elles partiront à votre prochaine connexion ici. Tout le reste a été effacé de cet ordinateur.',
    );
  }

  async function requestLogout() {
    setBusy(true);
    try {
      if (navigator.onLine && pupil.sync) {
        await Promise.race([pupil.sync.syncNow(), new Promise((resolve) => setTimeout(resolve, SYNC_BEFORE_LOGOUT_MS))]);
      }
      const pending = await pendingDocuments(pupil.db);
      if (pending === 0) await signOut();
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
            <button type="button" className="fr-link" onClick={() => void signOut()}>
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
            été reçu{pendingAtLogout > 1 ? 's' : ''} par {serverName(pupil.sync?.node$.value)}. Si vous vous déconnectez, seul
            {pendingAtLogout > 1 ? 's ces éléments restent' : ' cet élément reste'} sur cet ordinateur, pour partir à votre prochaine connexion
            ici ; tout ce que le serveur a déjà reçu est effacé de cet ordinateur.
          </p>
          <div className="pix-challenge__actions pix-actions--start">
            <Button onClick={() => setPendingAtLogout(null)}>Rester connecté</Button>
            <Button priority="secondary" onClick={() => void signOut()}>
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
