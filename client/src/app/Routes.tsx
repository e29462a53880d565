/** The signed-in pupil's screens, by path. */
import { lazy, Suspense } from 'react';
import type { Me } from '../api/types';
import type { ProfileDoc } from '../db/schemas';
import { AssessmentPage } from '../features/assessment/AssessmentPage';
import { CampaignPage } from '../features/campaign/CampaignPage';
import { CodePage } from '../features/campaign/CodePage';
import { CompetenceDetailPage } from '../features/competence/CompetenceDetailPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { MyTutorialsPage } from '../features/tutorials/MyTutorialsPage';
import { usePupil } from '../pupil/pupil-data';
import { Link, usePath } from './router';

// The content preview is for teachers: loaded on demand, outside the pupil's initial bundle.
const PreviewPage = lazy(() => import('../features/preview/PreviewPage').then((m) => ({ default: m.PreviewPage })));
const RelayStatusPage = lazy(() => import('../features/school/RelayStatusPage').then((m) => ({ default: m.RelayStatusPage })));

export function organizationsOf(profile: ProfileDoc): Me['organizations'] {
  try {
    return (JSON.parse(profile.details) as Partial<Me>).organizations ?? [];
  } catch {
    return [];
  }
}

export function isTeacher(profile: ProfileDoc): boolean {
  return organizationsOf(profile).length > 0;
}

export function Routes() {
  const path = usePath();
  const pupil = usePupil();
  let match: RegExpExecArray | null;

  if ((match = /^\/apercu(?:\/([\d.]+))?\/?$/.exec(path))) {
    if (isTeacher(pupil.profile) || import.meta.env.DEV) {
      return (
        <Suspense fallback={<p className="fr-py-6w">Chargement…</p>}>
          <PreviewPage competenceIndex={match[1] ?? null} />
        </Suspense>
      );
    }
    return (
      <div className="fr-alert fr-alert--warning fr-my-4w">
        <p>L'aperçu du contenu est réservé aux enseignants.</p>
      </div>
    );
  }
  if (/^\/etablissement\/?$/.test(path)) {
    return (
      <Suspense fallback={<p className="fr-py-6w">Chargement…</p>}>
        <RelayStatusPage me={{ organizations: organizationsOf(pupil.profile) }} />
      </Suspense>
    );
  }
  if ((match = /^\/evaluations\/([\w-]+)\/?$/.exec(path))) return <AssessmentPage key={match[1]} assessmentId={match[1]} />;
  if ((match = /^\/competences\/([\d.]+)\/?$/.exec(path))) return <CompetenceDetailPage competenceIndex={match[1]} />;
  if (/^\/competences\/?$/.test(path)) {
    return (
      <>
        {isTeacher(pupil.profile) && (
          <p className="fr-mt-3w fr-mb-0">
            <Link href="/apercu" className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
              Aperçu du contenu (épreuves et solutions)
            </Link>
          </p>
        )}
        <ProfilePage firstName={pupil.profile.firstName} cards={pupil.cards} />
      </>
    );
  }
  if (/^\/mes-tutos\/?$/.test(path)) return <MyTutorialsPage />;
  if ((match = /^\/campagnes\/([A-Za-z0-9]+)\/?$/.exec(path))) return <CampaignPage key={match[1]} code={match[1]} />;
  if (/^\/campagnes\/?$/.test(path)) return <CodePage />;
  return <DashboardPage />;
}
