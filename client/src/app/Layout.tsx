/** DSFR header (service name, first name, logout), main landmark and footer. */
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import type { ReactNode } from 'react';
import { useOnline } from './use-online';

export function Layout(props: { firstName: string | null; onLogout: () => void; children: ReactNode }) {
  const online = useOnline();
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
        homeLinkProps={{ href: '/', title: 'Accueil — Pix hors-ligne' }}
        quickAccessItems={
          props.firstName
            ? [
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
        <div className="fr-notice fr-notice--info" role="status">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">Hors ligne : vos réponses sont enregistrées sur cet appareil.</p>
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
