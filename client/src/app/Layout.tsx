/** DSFR header (service name, first name, logout), main landmark and footer. */
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import type { ReactNode } from 'react';
import { SyncStatus } from '../sync/SyncStatus';
import { navigate, usePath } from './router';
import { useOnline } from './use-online';

const NAV = [
  { href: '/', text: 'Tableau de bord', match: (p: string) => p === '/' },
  { href: '/competences', text: 'Compétences', match: (p: string) => p.startsWith('/competences') },
  { href: '/mes-tutos', text: 'Mes tutos', match: (p: string) => p.startsWith('/mes-tutos') },
  { href: '/campagnes', text: "J'ai un code", match: (p: string) => p.startsWith('/campagnes') },
];

const ADMIN_NAV = { href: '/etablissement', text: 'Établissement', match: (p: string) => p.startsWith('/etablissement') };

export function Layout(props: { firstName: string | null; onLogout: () => void; signedIn: boolean; isAdmin?: boolean; children: ReactNode }) {
  const online = useOnline();
  const path = usePath();
  return (
    <>
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Pix hors-ligne"
        serviceTagline="Évaluer, développer et certifier ses compétences numériques"
        homeLinkProps={{ href: '/', title: 'Accueil — Pix hors-ligne', onClick: (e) => { e.preventDefault(); navigate('/'); } }}
        navigation={
          props.signedIn
            ? [...NAV, ...(props.isAdmin ? [ADMIN_NAV] : [])].map((item) => ({
                text: item.text,
                isActive: item.match(path),
                linkProps: {
                  href: item.href,
                  onClick: (e: React.MouseEvent<HTMLAnchorElement>) => {
                    e.preventDefault();
                    navigate(item.href);
                  },
                },
              }))
            : undefined
        }
        quickAccessItems={
          props.firstName
            ? [
                <SyncStatus key="sync" />,
                <span key="who" className="fr-btn fr-icon-account-circle-line fr-btn--icon-left" data-testid="header-first-name">
                  {props.firstName}
                </span>,
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: { onClick: props.onLogout, type: 'button' },
                },
              ]
            : []
        }
      />
      {!online && (
        <div className="fr-notice fr-notice--info">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">Vous êtes hors ligne : vos réponses sont enregistrées sur cet appareil et partiront dès le retour du réseau.</p>
            </div>
          </div>
        </div>
      )}
      <main id="contenu" className="fr-container fr-pb-6w" tabIndex={-1}>
        {props.children}
      </main>
      <Footer
        accessibility="non compliant"
        contentDescription="Pix hors-ligne est une réalisation libre inspirée du service public Pix, conçue pour fonctionner même sans internet."
        homeLinkProps={{ href: '/', title: 'Accueil — Pix hors-ligne' }}
        bottomItems={[]}
      />
    </>
  );
}
