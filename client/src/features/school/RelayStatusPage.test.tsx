import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParkedRows } from './RelayStatusPage';

describe('« Envois bloqués » on the school page', () => {
  it('says so when nothing is parked', () => {
    const html = renderToStaticMarkup(<ParkedRows parked={{ count: 0, latest: [] }} />);
    expect(html).toContain('Envois bloqués');
    expect(html).toContain('Aucun envoi bloqué.');
    expect(html).not.toContain('<table');
  });

  it('lists the parked rows in a DSFR table with French labels', () => {
    const parkedAt = '2026-11-23T10:00:05.000Z';
    const html = renderToStaticMarkup(
      <ParkedRows
        parked={{
          count: 25,
          latest: [
            { pupil: 'Léa Martin', division: '5e A', collection: 'answers', code: 'DOCUMENT_TOO_LARGE', reason: 'Document trop volumineux.', parkedAt },
            { pupil: 'Hugo Lefèvre', division: null, collection: 'assessments', code: 'UNKNOWN_COMPETENCE', reason: "Cette compétence n'existe pas.", parkedAt: null },
          ],
        }}
      />,
    );
    expect(html).toContain('<div class="fr-table" data-testid="relay-parked"><table>');
    expect(html).toContain('25 éléments n’ont pas pu être transmis');
    expect(html).toContain('Voici les 2 plus récents.');
    for (const header of ['Élève', 'Classe', 'Élément', 'Motif', 'Code', 'Date']) expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(html).toContain('<td>Léa Martin</td><td>5e A</td><td>Réponse</td><td>Document trop volumineux.</td><td><code>DOCUMENT_TOO_LARGE</code></td>');
    expect(html).toContain(`<td>${new Date(parkedAt).toLocaleString('fr-FR')}</td>`);
    expect(html).toContain('<td>Hugo Lefèvre</td><td>—</td><td>Évaluation</td>');
    expect(html).toContain('<code>UNKNOWN_COMPETENCE</code></td><td>—</td>');
  });
});
