import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD, METHOD_NAMES } from '../../../../shared/src/engine/engine-choice';
import type { AssessmentMethod } from '../../../../shared/src/model/types';
import { EngineCell, EngineExplanations, engineLabel, engineOffer, retiredMethod } from './CampaignEngines';

const campaign = (method: AssessmentMethod, configuredMethod: string | null) => ({
  id: 'c1', code: 'CLGJMB302', name: 'Rentrée 5e B', title: null, type: 'ASSESSMENT' as const, targetProfileId: 'tp', customLandingMessage: null,
  idPixLabel: null, organizationName: 'Collège', participantsCount: 3, sharedCount: 1, method, configuredMethod,
});
// the visible text, a paragraph starting a new sentence
const text = (html: string) => html.replace(/<p[ >]/g, ' $&').replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim();
const optionsOf = (html: string) => [...html.matchAll(/<option([^>]*)>([^<]*)<\/option>/g)].map(([, attrs, label]) => ({
  label: label.replace(/&#x27;/g, "'"), value: /value="([^"]*)"/.exec(attrs)?.[1], disabled: attrs.includes('disabled'), selected: attrs.includes('selected'),
}));
const cell = (props: { method: AssessmentMethod; configured: string | null; editable?: boolean; offer?: ReturnType<typeof engineOffer> }) =>
  renderToStaticMarkup(
    <EngineCell campaign={campaign(props.method, props.configured)} editable={props.editable ?? true} saving={false} onChoose={() => {}} offer={props.offer} />,
  );

const TWO = engineOffer(['SMART_RANDOM', 'BAYES'], 'BAYES');
const TWO_SMART_DEFAULT = engineOffer(['SMART_RANDOM', 'BAYES'], 'SMART_RANDOM');
const ONE = engineOffer(['SMART_RANDOM'], 'SMART_RANDOM');

describe('campaign engines offered on the school page', () => {
  it('offers exactly CAMPAIGN_METHODS, the default first and « recommandé »; never Flash', () => {
    const html = cell({ method: DEFAULT_CAMPAIGN_METHOD, configured: null });
    const options = optionsOf(html);
    // one engine offered (issue 14: smart random only): plain text, no select
    if (CAMPAIGN_METHODS.length === 1) expect([html.includes('<select'), text(html)]).toEqual([false, METHOD_NAMES[CAMPAIGN_METHODS[0]]]);
    else expect(options.map((o) => o.value)).toEqual([DEFAULT_CAMPAIGN_METHOD, ...CAMPAIGN_METHODS.filter((m) => m !== DEFAULT_CAMPAIGN_METHOD)]);
    expect(options.map((o) => o.value)).not.toContain('FLASH');
    expect(options.filter((o) => o.label.includes('recommandé')).map((o) => o.value)).toEqual(CAMPAIGN_METHODS.length > 1 ? [DEFAULT_CAMPAIGN_METHOD] : []);
  });

  it.each([
    ['BAYES default', TWO, [['BAYES', 'Bayésien (recommandé)'], ['SMART_RANDOM', 'Smart random (Pix)']]],
    ['SMART_RANDOM default', TWO_SMART_DEFAULT, [['SMART_RANDOM', 'Smart random (Pix) (recommandé)'], ['BAYES', 'Bayésien']]],
  ] as const)('%s: options and « recommandé » follow the offer', (_label, offer, expected) => {
    const options = optionsOf(cell({ method: offer.recommended, configured: null, offer }));
    expect(options.map((o) => [o.value, o.label])).toEqual(expected);
    expect(options.find((o) => o.selected)?.value).toBe(offer.recommended);
  });

  it('a single offered engine: no choice to make, no « recommandé »', () => {
    const html = cell({ method: 'SMART_RANDOM', configured: null, offer: ONE });
    expect(html).not.toContain('<select');
    expect(text(html)).toBe('Smart random (Pix)');
    expect(text(renderToStaticMarkup(<EngineExplanations editable offer={ONE} />))).toContain('Le moteur Smart random (Pix) est le seul proposé pour les campagnes.');
  });

  it.each([
    ['two engines', TWO, 'BAYES', ['FLASH', 'BAYES', 'SMART_RANDOM'], 'Bayésien (recommandé)'],
    ['one engine', ONE, 'SMART_RANDOM', ['FLASH', 'SMART_RANDOM'], 'Smart random (Pix)'],
  ] as const)('a campaign still set to Flash (%s): shown honestly, and any offered engine may be chosen', (_label, offer, fallback, values, fallbackLabel) => {
    const html = cell({ method: fallback, configured: 'FLASH', offer });
    const options = optionsOf(html);
    expect(options.map((o) => o.value)).toEqual(values);
    expect(options[0]).toEqual({ value: 'FLASH', label: "Flash (IRT) — n'est plus proposé", disabled: true, selected: true });
    expect(options.slice(1).every((o) => !o.disabled)).toBe(true);
    expect(text(html)).toContain(`Les nouvelles participations utilisent le moteur ${fallbackLabel} ; les parcours déjà commencés gardent leur moteur.`);
  });

  it.each([
    [null, 'Bayésien (recommandé)'],
    ['BAYES', 'Bayésien (recommandé)'],
    ['FLASH', "Flash (IRT) — n'est plus proposé Les nouvelles participations utilisent le moteur Bayésien (recommandé) ; les parcours déjà commencés gardent leur moteur."],
  ])('read-only (relay), stored %s → %j', (configured, expected) => {
    expect(text(cell({ method: 'BAYES', configured, editable: false, offer: TWO }))).toBe(expected);
  });

  it.each<[string | null, string | null]>([
    [null, null], ['BAYES', null], ['SMART_RANDOM', null], ['FLASH', 'FLASH'], ['CERTIFICATION_V2', 'CERTIFICATION_V2'], ['NOUVEAU', 'NOUVEAU'],
  ])('stored %s → no longer offered: %s', (configured, expected) => {
    expect(retiredMethod({ configuredMethod: configured }, TWO)).toBe(expected);
  });

  it.each([
    ['FLASH', TWO, 'Flash (IRT)'], ['BAYES', TWO, 'Bayésien (recommandé)'], ['BAYES', ONE, 'Bayésien'], ['NOUVEAU', TWO, 'NOUVEAU'], ['__proto__', TWO, '__proto__'],
  ] as const)('label of %s', (method, offer, expected) => {
    expect(engineLabel(method, offer)).toBe(expected);
  });

  it('explains only the offered engines', () => {
    expect(text(renderToStaticMarkup(<EngineExplanations editable offer={ONE} />))).not.toContain('bayésien');
    const both = text(renderToStaticMarkup(<EngineExplanations editable offer={TWO} />));
    expect(both).toContain('Le moteur bayésien pose environ un quart de questions en moins');
    expect(both).toContain('Le smart random, l');
    expect(both).not.toMatch(/Flash|IRT/);
    expect(text(renderToStaticMarkup(<EngineExplanations editable={false} />))).toContain('Le moteur se choisit sur le serveur central');
  });

  it('every engine has a French name', () => {
    for (const method of [...CAMPAIGN_METHODS, 'FLASH', 'CERTIFICATION_V2'] as const) expect(METHOD_NAMES[method]).toMatch(/\S/);
  });
});
