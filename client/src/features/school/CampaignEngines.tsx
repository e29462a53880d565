/**
 * « Campagnes et moteur d'évaluation », on the school page: the organisation's campaigns with their
 * participants and the adaptive engine each one runs (issue 8). An ADMIN changes it on central; a
 * relay shows it read-only (it receives the choice with its snapshot). Only new participations use a
 * new engine: an assessment keeps the one it was created with.
 */
import { useCallback, useEffect, useState } from 'react';
import { campaignInfoSchema, organizationCampaignsSchema } from '../../../../shared/src/api/schemas';
import { DEFAULT_CAMPAIGN_METHOD } from '../../../../shared/src/engine/engine-choice';
import type { AssessmentMethod } from '../../../../shared/src/model/types';
import { ApiFailure, api } from '../../api/http';
import type { OrganizationCampaign } from '../../api/types';

type CampaignRow = OrganizationCampaign & { method: AssessmentMethod };

export const ENGINE_LABELS: Partial<Record<AssessmentMethod, string>> = {
  BAYES: 'Bayésien (recommandé)',
  SMART_RANDOM: 'Smart random (Pix)',
  FLASH: 'Flash (IRT)',
};

const ENGINE_CHOICES = Object.keys(ENGINE_LABELS) as AssessmentMethod[];

type Notice = { kind: 'success' | 'error'; text: string } | null;

export function CampaignEngines(props: { organization: { id: string; name: string }; editable: boolean }) {
  const { organization, editable } = props;
  const [campaigns, setCampaigns] = useState<CampaignRow[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState<string | null>(null);

  const load = useCallback(() => {
    api(`/api/organizations/${organization.id}/campaigns`, organizationCampaignsSchema).then(
      (rows) => setCampaigns(rows.map((row) => ({ ...row, method: row.method ?? DEFAULT_CAMPAIGN_METHOD }))),
      (e: unknown) => setNotice({ kind: 'error', text: e instanceof ApiFailure ? e.message : 'Liste des campagnes indisponible.' }),
    );
  }, [organization.id]);

  useEffect(load, [load]);

  const choose = async (campaign: CampaignRow, method: AssessmentMethod) => {
    if (method === campaign.method) return;
    setSaving(campaign.id);
    setNotice(null);
    try {
      const info = await api(`/api/campaigns/${campaign.id}/method`, campaignInfoSchema, { method: 'PUT', body: { method } });
      const saved = { method: info.method ?? method };
      setCampaigns((rows) => rows?.map((row) => (row.id === campaign.id ? { ...row, method: saved.method } : row)) ?? rows);
      setNotice({
        kind: 'success',
        text: `« ${campaign.name} » utilise désormais le moteur ${ENGINE_LABELS[saved.method] ?? saved.method}. Les nouvelles participations l'utiliseront ; les parcours déjà commencés gardent leur moteur.`,
      });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiFailure ? e.message : "Le moteur n'a pas pu être enregistré." });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="campaign-engines-title">
      <h2 id="campaign-engines-title" className="fr-h4">
        Campagnes et moteur d'évaluation
      </h2>
      <p className="fr-text--sm">
        Le moteur choisit les questions de chaque élève. Le moteur <strong>bayésien</strong> pose environ un quart de questions en moins que
        le smart random de Pix pour un niveau au moins aussi juste (simulation sur 3 000 élèves fictifs) ; il peut reposer une fois un
        acquis sur lequel une réponse le surprend, avec une autre épreuve.
        {!editable && ' Le moteur se choisit sur le serveur central ; ce relais reçoit le choix avec les comptes et les campagnes.'}
      </p>
      {notice && (
        <div className={`fr-alert fr-alert--${notice.kind} fr-alert--sm fr-mb-2w`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="engine-notice">
          <p>{notice.text}</p>
        </div>
      )}
      {campaigns === null && !notice && <p>Chargement…</p>}
      {campaigns?.length === 0 && <p data-testid="no-campaigns">Aucune campagne pour « {organization.name} » pour l'instant.</p>}
      {campaigns && campaigns.length > 0 && (
        <div className="fr-table">
          <table data-testid="campaign-engines">
            <caption className="fr-sr-only">Campagnes de « {organization.name} » et leur moteur d'évaluation</caption>
            <thead>
              <tr>
                <th scope="col">Campagne</th>
                <th scope="col">Code</th>
                <th scope="col">Participants (résultats envoyés)</th>
                <th scope="col">Moteur d'évaluation</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <td>
                    {campaign.name}
                    {campaign.division && !campaign.name.includes(campaign.division) && <span className="fr-text--xs"> — {campaign.division}</span>}
                  </td>
                  <td>
                    <code>{campaign.code}</code>
                  </td>
                  <td>
                    {campaign.participantsCount} ({campaign.sharedCount})
                  </td>
                  <td>
                    {campaign.type === 'PROFILES_COLLECTION' ? (
                      <span className="fr-text--sm">Collecte de profils : pas de questions</span>
                    ) : editable ? (
                      <>
                        <label className="fr-sr-only" htmlFor={`engine-${campaign.id}`}>
                          Moteur de la campagne « {campaign.name} »
                        </label>
                        <select
                          id={`engine-${campaign.id}`}
                          className="fr-select"
                          value={campaign.method}
                          disabled={saving === campaign.id}
                          onChange={(event) => void choose(campaign, event.target.value as AssessmentMethod)}
                        >
                          {ENGINE_CHOICES.map((method) => (
                            <option key={method} value={method}>
                              {ENGINE_LABELS[method]}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : (
                      <span>{ENGINE_LABELS[campaign.method] ?? campaign.method}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
