/**
 * A parcours joined by code: its introduction (organisation, title, message, external id when asked), then
 * the test on the target profile's skills (skills already assessed are not asked again), and its results
 * to send; a profile-collection campaign sends the profile instead ("Envoyer mon profil").
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState } from 'react';
import { certifiableCompetencesCount, totalPix } from '../../../../shared/src/scoring/scorecards';
import { ApiFailure } from '../../api/http';
import { Link, navigate } from '../../app/router';
import { joinCampaign, shareResults } from '../../pupil/actions';
import { fetchCampaignByCode, storedCampaignByCode, type CampaignInfo } from '../../pupil/campaigns';
import { usePupil } from '../../pupil/pupil-data';
import { Markdown } from '../challenge/Markdown';
import { Results } from '../assessment/Results';

export function CampaignPage(props: { code: string }) {
  const pupil = usePupil();
  const code = props.code.toUpperCase();
  // What the node says now, else the copy in the local database (offline).
  const [fetched, setFetched] = useState<CampaignInfo | null>(null);
  const campaign = fetched ?? [...pupil.campaigns.values()].find((c) => c.code === code) ?? null;
  const [error, setError] = useState<string | null>(null);
  const [externalId, setExternalId] = useState('');
  const [externalIdError, setExternalIdError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchCampaignByCode(pupil.db, code).then(
      (info) => {
        if (!cancelled) setFetched(info);
      },
      async (failure: unknown) => {
        const stored = await storedCampaignByCode(pupil.db, code).catch(() => null);
        if (cancelled || stored) return;
        if (failure instanceof ApiFailure && failure.status === 404) setError(`Le code « ${code} » ne correspond à aucun parcours. Vérifiez-le auprès de votre enseignant.`);
        else if (failure instanceof ApiFailure && failure.isNetwork) setError('Connectez-vous au réseau une première fois pour rejoindre ce parcours.');
        else setError(failure instanceof Error ? failure.message : 'Parcours indisponible.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [code, pupil.db]);

  if (error) {
    return (
      <div className="fr-py-6w">
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{error}</p>
        </div>
        <Link href="/campagnes">Saisir un autre code</Link>
      </div>
    );
  }
  if (!campaign || !pupil.ready) return <p className="fr-py-6w">Chargement du parcours…</p>;

  const participation = pupil.participations
    .filter((p) => p.campaignId === campaign.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  // After a reset (§2.4) a participation has an aborted assessment and a fresh one: show the latest live one.
  const assessment = participation
    ? pupil.assessments
        .filter((a) => a.campaignParticipationId === participation.id)
        .sort((a, b) => Number(a.state === 'aborted') - Number(b.state === 'aborted') || b.createdAt.localeCompare(a.createdAt))[0]
    : undefined;

  if (participation && campaign.type === 'PROFILES_COLLECTION') {
    const pix = totalPix(pupil.cards);
    return (
      <section className="fr-py-4w">
        <p className="fr-text--sm">{campaign.organizationName}</p>
        <h1>{campaign.title ?? campaign.name}</h1>
        <p>
          Votre profil : <strong>{pix} pix</strong>, niveau 1 atteint dans {certifiableCompetencesCount(pupil.cards)} compétence(s).
        </p>
        {participation.status === 'SHARED' ? (
          <div className="fr-alert fr-alert--success" role="status">
            <p>Merci, votre profil a bien été envoyé !</p>
          </div>
        ) : (
          <Button onClick={() => void shareResults(pupil.db, participation.id, new Date())}>Envoyer mon profil</Button>
        )}
      </section>
    );
  }
  if (assessment && assessment.state === 'started') {
    return (
      <section className="fr-py-6w">
        <h1>{campaign.title ?? campaign.name}</h1>
        <p>Vous avez commencé ce parcours.</p>
        <Link className="fr-btn" href={`/evaluations/${assessment.id}`}>
          Reprendre
        </Link>
      </section>
    );
  }
  if (assessment && pupil.index) return <Results assessment={assessment} answers={pupil.answers.filter((a) => a.assessmentId === assessment.id)} />;

  const start = async () => {
    const value = externalId.trim();
    if (campaign.idPixLabel && !value) {
      setExternalIdError(`Veuillez renseigner : ${campaign.idPixLabel}.`);
      return;
    }
    const joined = await joinCampaign(pupil.db, pupil.profile.id, campaign, campaign.idPixLabel ? value : null, new Date());
    if (joined.assessmentId) navigate(`/evaluations/${joined.assessmentId}`);
  };

  return (
    <section className="fr-grid-row fr-grid-row--center fr-py-6w">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <p className="fr-text--sm pix-upper">{campaign.organizationName}</p>
        <h1>{campaign.title ?? campaign.name}</h1>
        {campaign.customLandingMessage ? (
          <Markdown source={campaign.customLandingMessage} />
        ) : (
          <p>
            {campaign.type === 'PROFILES_COLLECTION'
              ? 'Votre organisation vous demande de lui envoyer votre profil Pix.'
              : 'Ce parcours vous pose des questions adaptées à votre niveau. Vous pouvez l\'interrompre et le reprendre quand vous voulez.'}
          </p>
        )}
        {campaign.type === 'ASSESSMENT' && (
          <p className="fr-text--sm">Les compétences que vous avez déjà acquises en autonomie ne vous seront pas demandées de nouveau.</p>
        )}
        {campaign.idPixLabel && (
          <Input
            label={campaign.idPixLabel}
            state={externalIdError ? 'error' : 'default'}
            stateRelatedMessage={externalIdError ?? undefined}
            nativeInputProps={{ value: externalId, onChange: (e) => setExternalId(e.target.value), maxLength: 255 }}
          />
        )}
        <Button onClick={() => void start()}>Je commence</Button>
      </div>
    </section>
  );
}
