/**
 * « Campagnes et moteur d'évaluation », on the school page: the organisation's campaigns with their
 * participants and the adaptive engine each one runs (issue 8). An ADMIN changes it on central; a
 * relay shows it read-only (it receives the choice with its snapshot). Only new participations use a
 * new engine: an assessment keeps the one it was created with. The engines offered, their order, labels
 * and explanations all come from CAMPAIGN_METHODS and DEFAULT_CAMPAIGN_METHOD (engine-choice.ts): a
 * campaign whose stored engine is no longer offered (FLASH) is shown as such, with what new participations
 * run instead.
 */
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { campaignInfoSchema, organizationCampaignsSchema } from '../../../../shared/src/api/schemas';
import { CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD, METHOD_NAMES } from '../../../../shared/src/engine/engine-choice';
import type { AssessmentMethod } from '../../../../shared/src/model/types';
import { ApiFailure, api } from '../../api/http';
import type { OrganizationCampaign } from '../../api/types';

type CampaignRow = OrganizationCampaign & { method: AssessmentMethod };

/** The engines a teacher may choose, the recommended one (the default) first. */
export interface EngineOffer {
  choices: readonly AssessmentMethod[];
  recommended: AssessmentMethod;
}

export function engineOffer(offered: readonly AssessmentMethod[], recommended: AssessmentMethod): EngineOffer {
  return { choices: [...offered.filter((m) => m === recommended), ...offered.filter((m) => m !== recommended)], recommended };
}

/** What this build offers (the tests pass other lists, e.g. a single engine). */
const CAMPAIGN_OFFER = engineOffer(CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD);

/** An engine's name; « (recommandé) » follows the default, when there is a choice to make. */
export function engineLabel(method: string, offer: EngineOffer = CAMPAIGN_OFFER): string {
  const name = Object.hasOwn(METHOD_NAMES, method) ? METHOD_NAMES[method as AssessmentMethod] : method;
  return method === offer.recommended && offer.choices.length > 1 ? `${name} (recommandé)` : name;
}

/** What each offered engine does, for the teacher choosing (only the offered ones are shown). */
const ENGINE_EXPLANATIONS: Partial<Record<AssessmentMethod, ReactNode>> = {
  BAYES: (
    <>
      Le moteur <strong>bayésien</strong> pose environ un quart de questions en moins que le smart random de Pix pour un niveau au moins aussi
      juste (simulation sur 3 000 élèves fictifs) ; il peut reposer une fois un acquis sur lequel une réponse le surprend, avec une autre
      épreuve.
    </>
  ),
  SMART_RANDOM: (
    <>
      Le <strong>smart random</strong>, l'algorithme des parcours de Pix, choisit la question dont la réponse, juste ou fausse, renseigne sur
      le plus d'acquis, et ne repose jamais un acquis déjà évalué.
    </>
  ),
};

/** The stored engine of a campaign when it is no longer offered (its new participations run `method`), else null. */
export function retiredMethod(campaign: Pick<OrganizationCampaign, 'configuredMethod'>, offer: EngineOffer = CAMPAIGN_OFFER): string | null {
  const configured = campaign.configuredMethod ?? null;
  return configured !== null && !offer.choices.includes(configured as AssessmentMethod) ? configured : null;
}

/** The sentence above the table: what each offered engine does (only the offered ones). */
export function EngineExplanations(props: { editable: boolean; offer?: EngineOffer }) {
  const { editable, offer = CAMPAIGN_OFFER } = props;
  return (
    <p className="fr-text--sm" data-testid="engine-explanations">
      Le moteur choisit les questions de chaque élève.
      {offer.choices.length === 1 && ` Le moteur ${engineLabel(offer.choices[0], offer)} est le seul proposé pour les campagnes.`}
      {offer.choices.map((method) => ENGINE_EXPLANATIONS[method] && <span key={method}> {ENGINE_EXPLANATIONS[method]}</span>)}
      {!editable && ' Le moteur se choisit sur le serveur central ; ce relais reçoit le choix avec les comptes et les campagnes.'}
    </p>
  );
}

/** The engine cell of a campaign: a choice (central), or the engine read-only (relay, or a single engine offered). */
export function EngineCell(props: {
  campaign: CampaignRow;
  editable: boolean;
  saving: boolean;
  onChoose: (method: AssessmentMethod) => void;
  offer?: EngineOffer;
}) {
  const { campaign, editable, saving, onChoose, offer = CAMPAIGN_OFFER } = props;
  if (campaign.type === 'PROFILES_COLLECTION') return <span className="fr-text--sm">Collecte de profils : pas de questions</span>;
  const label = (method: string) => engineLabel(method, offer);
  const retired = retiredMethod(campaign, offer);
  const note = retired && (
    <p className="fr-text--xs fr-mb-0" data-testid="engine-retired">
      Les nouvelles participations utilisent le moteur {label(campaign.method)} ; les parcours déjà commencés gardent leur moteur.
    </p>
  );
  if (!editable || (offer.choices.length === 1 && !retired)) {
    return (
      <>
        <span>{retired ? `${label(retired)} — n'est plus proposé` : label(campaign.method)}</span>
        {note}
      </>
    );
  }
  return (
    <>
      <label className="fr-sr-only" htmlFor={`engine-${campaign.id}`}>
        Moteur de la campagne « {campaign.name} »
      </label>
      <select
        id={`engine-${campaign.id}`}
        className="fr-select"
        value={retired ?? campaign.method}
        disabled={saving}
        onChange={(event) => onChoose(event.target.value as AssessmentMethod)}
      >
        {retired && (
          <option value={retired} disabled>
            {label(retired)} — n'est plus proposé
          </option>
        )}
        {offer.choices.map((method) => (
          <option key={method} value={method}>
            {label(method)}
          </option>
        ))}
      </select>
      {note}
    </>
  );
}

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
    // a campaign still set to an engine no longer offered records any choice, even the one it falls back to
    if (method === campaign.method && !retiredMethod(campaign)) return;
    setSaving(campaign.id);
    setNotice(null);
    try {
      const info = await api(`/api/campaigns/${campaign.id}/method`, campaignInfoSchema, { method: 'PUT', body: { method } });
      const saved = { method: info.method ?? method };
      setCampaigns((rows) => rows?.map((row) => (row.id === campaign.id ? { ...row, method: saved.method, configuredMethod: saved.method } : row)) ?? rows);
      setNotice({
        kind: 'success',
        text: `« ${campaign.name} » utilise désormais le moteur ${engineLabel(saved.method)}. Les nouvelles participations l'utiliseront ; les parcours déjà commencés gardent leur moteur.`,
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
      <EngineExplanations editable={editable} />
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
                    <EngineCell campaign={campaign} editable={editable} saving={saving === campaign.id} onChoose={(method) => void choose(campaign, method)} />
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
