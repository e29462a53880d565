import { describe, expect, it } from 'vitest';
import { parseProposals, type ProposalBlock } from './proposals';

describe('parseProposals: blocks of a template', () => {
  const cases: { template: string; blocks: ProposalBlock[] }[] = [
    { template: 'Réponse : ${reponse}', blocks: [{ type: 'input', key: 'reponse' }] },
    { template: '${nom#Votre nom}', blocks: [{ type: 'input', key: 'nom', placeholder: 'Votre nom' }] },
    { template: '${ville§Ville de naissance}', blocks: [{ type: 'input', key: 'ville', ariaLabel: 'Ville de naissance' }] },
    { template: '${cp#ex. 29200§Code postal}', blocks: [{ type: 'input', key: 'cp', placeholder: 'ex. 29200', ariaLabel: 'Code postal' }] },
    { template: '${choix options=["oui","non"]}', blocks: [{ type: 'select', key: 'choix', options: ['oui', 'non'] }] },
    { template: 'A ${a} et B ${b#…}', blocks: [{ type: 'input', key: 'a' }, { type: 'input', key: 'b', placeholder: '…' }] },
  ];
  it.each(cases)('$template', ({ template, blocks }) => {
    const parsed = parseProposals(template);
    expect(parsed.blocks).toEqual(blocks);
    expect(parsed.options).toEqual([]);
  });

  it('keeps text pieces in order for rendering', () => {
    expect(parseProposals('Nom : ${nom}\nVille : ${ville}').parts).toEqual([
      { type: 'text', text: 'Nom : ' },
      { type: 'input', key: 'nom' },
      { type: 'text', text: '\nVille : ' },
      { type: 'input', key: 'ville' },
    ]);
  });
});

describe('parseProposals: QCU/QCM options', () => {
  it('reads one option per "- " line', () => {
    expect(parseProposals('- horaires piscine Brest\n- piscine\n  - Qwant, DuckDuckGo\n').options).toEqual([
      'horaires piscine Brest',
      'piscine',
      'Qwant, DuckDuckGo',
    ]);
  });
});
