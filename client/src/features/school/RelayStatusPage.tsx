/**
 * "Relais de l'établissement", for the school's Pix referent (organisation ADMIN): on a relay, whether the
 * central server is reachable, the last transmission, what is still waiting and for which pupils, and
 * what could not be transmitted for good (« Envois bloqués »: refused by central, with the reason); on
 * central, the creation of the relay token to give to the school's relay (shown once). Below, the
 * organisation's campaigns and their adaptive engine (chosen on central). Responses are parsed with the
 * shared schemas (shared/src/api/schemas.ts).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCallback, useEffect, useState } from 'react';
import { relayStatusSchema, relayTokenSchema, type RelayStatus } from '../../../../shared/src/api/schemas';
import type { SyncCollection } from '../../../../shared/src/sync/protocol';
import { ApiFailure, api } from '../../api/http';
import type { Me } from '../../api/types';
import { CampaignEngines } from './CampaignEngines';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('fr-FR') : 'jamais');

const COLLECTION_LABELS: Record<SyncCollection, string> = {
  answers: 'Réponse',
  assessments: 'Évaluation',
  'campaign-participations': 'Participation à une campagne',
  'user-tutorials': 'Tutoriel enregistré',
};

export function RelayStatusPage(props: { me: Pick<Me, 'organizations'> }) {
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const admin = props.me.organizations.find((o) => o.role === 'ADMIN');

  const refresh = useCallback(() => {
    api('/api/relay/status', relayStatusSchema).then(
      (s) => {
        setStatus(s);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : 'Statut indisponible.'),
    );
  }, []);

  useEffect(() => {
    refresh();
    const id = window.setInterval(refresh, 5000);
    return () => window.clearInterval(id);
  }, [refresh]);

  const createToken = async () => {
    if (!admin) return;
    try {
      const result = await api(`/api/organizations/${admin.id}/relay-tokens`, relayTokenSchema, { method: 'POST', body: {} });
      setToken(result.token);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : 'Création du jeton impossible.');
    }
  };

  return (
    <div className="fr-py-4w">
      <h1>Établissement</h1>
      <h2 className="fr-h4">Relais de l'établissement</h2>
      {error && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!status && !error && <p>Chargement…</p>}
      {status?.mode === 'central' && (
        <>
          <p>
            Ce serveur est le <strong>serveur central</strong>. Pour qu'un relais d'établissement lui transmette les réponses des élèves,
            créez un jeton de relais et donnez-le au relais (<code>npm start -- --upstream URL --relay-token JETON</code>).
          </p>
          {admin && !token && <Button onClick={() => void createToken()}>Créer un jeton de relais pour « {admin.name} »</Button>}
          {token && (
            <div className="fr-callout" data-testid="relay-token">
              <p className="fr-callout__text">
                Copiez ce jeton maintenant : il ne sera plus jamais affiché.
                <br />
                <code className="pix-pre">{token}</code>
              </p>
            </div>
          )}
        </>
      )}
      {status?.mode === 'relay' && (
        <>
          <ul className="fr-grid-row fr-grid-row--gutters pix-list" data-testid="relay-summary">
            <li className="fr-col-12 fr-col-md-4 pix-resume-card fr-p-2w">
              <p className="fr-text--sm fr-mb-1v">Serveur central</p>
              <p className={`fr-badge ${status.upstreamReachable ? 'fr-badge--success' : 'fr-badge--warning'}`}>
                {status.upstreamReachable === null ? 'inconnu' : status.upstreamReachable ? 'joignable' : 'injoignable'}
              </p>
              <p className="fr-text--xs fr-mb-0">{status.upstream}</p>
            </li>
            <li className="fr-col-12 fr-col-md-4 pix-resume-card fr-p-2w">
              <p className="fr-text--sm fr-mb-1v">Éléments en attente de transmission</p>
              <p className="fr-h3 fr-mb-0" data-testid="outbox-pending">
                {status.outboxPending}
              </p>
            </li>
            <li className="fr-col-12 fr-col-md-4 pix-resume-card fr-p-2w">
              <p className="fr-text--sm fr-mb-1v">Dernière transmission</p>
              <p className="fr-mb-0">{when(status.lastForwardAt)}</p>
              <p className="fr-text--xs fr-mb-0">Comptes et parcours reçus du central : {when(status.lastSnapshotAt)}</p>
            </li>
          </ul>
          {status.contentVersionMismatch && (
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-2w" role="status" data-testid="content-mismatch">
              <p>
                Contenu pédagogique différent du serveur central (relais {status.contentVersion ?? '?'}, central{' '}
                {status.centralContentVersion ?? '?'}) : mettez le relais à jour pour que les corrections soient identiques.
              </p>
            </div>
          )}
          <p className="fr-text--sm fr-mt-2w">Dernière réception des réponses données hors de l'établissement : {when(status.lastPullAt ?? null)}</p>
          {status.lastError && <p className="fr-text--sm">Dernière erreur : {status.lastError}</p>}
          <h2 className="fr-h4 fr-mt-4w">Élèves dont des données attendent</h2>
          {status.pupils.length === 0 ? (
            <p data-testid="relay-all-sent">Tout est transmis au serveur central.</p>
          ) : (
            <div className="fr-table">
              <table>
                <caption className="fr-sr-only">Élèves dont des données attendent</caption>
                <thead>
                  <tr>
                    <th scope="col">Élève</th>
                    <th scope="col">Classe</th>
                    <th scope="col">Éléments en attente</th>
                  </tr>
                </thead>
                <tbody>
                  {status.pupils.map((p) => (
                    <tr key={`${p.name}-${p.division ?? ''}`}>
                      <td>{p.name}</td>
                      <td>{p.division ?? '—'}</td>
                      <td>{p.pending}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ParkedRows parked={status.parked} />
        </>
      )}
      {status && admin && <CampaignEngines organization={admin} editable={status.mode === 'central'} />}
    </div>
  );
}

/**
 * « Envois bloqués »: what the relay will not send again (refused for good by central, or missing, or too
 * big); it no longer blocks anything, but the referent should know which pupil's work did not arrive.
 */
export function ParkedRows(props: { parked: RelayStatus['parked'] }) {
  const { count, latest } = props.parked;
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Envois bloqués</h2>
      {count === 0 ? (
        <p data-testid="relay-parked-empty">Aucun envoi bloqué.</p>
      ) : (
        <>
          <p className="fr-text--sm">
            {count === 1 ? 'Un élément n’a pas pu être transmis' : `${count} éléments n’ont pas pu être transmis`} au serveur central : ils ne sont
            plus renvoyés et ne bloquent pas les autres.{count > latest.length ? ` Voici les ${latest.length} plus récents.` : ''}
          </p>
          <div className="fr-table" data-testid="relay-parked">
            <table>
              <caption className="fr-sr-only">Envois bloqués</caption>
              <thead>
                <tr>
                  <th scope="col">Élève</th>
                  <th scope="col">Classe</th>
                  <th scope="col">Élément</th>
                  <th scope="col">Motif</th>
                  <th scope="col">Code</th>
                  <th scope="col">Date</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((row, i) => (
                  <tr key={`${row.parkedAt ?? ''}-${row.collection}-${i}`}>
                    <td>{row.pupil}</td>
                    <td>{row.division ?? '—'}</td>
                    <td>{COLLECTION_LABELS[row.collection]}</td>
                    <td>{row.reason}</td>
                    <td>
                      <code>{row.code}</code>
                    </td>
                    <td>{row.parkedAt ? when(row.parkedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
