import { describe, expect, it } from 'vitest';
import type { AssessmentMethod } from '../model/types';
import {
  CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD, DEFAULT_COMPETENCE_EVALUATION_METHOD, METHOD_NAMES, campaignMethod, campaignMethodRefusal,
  isCampaignMethod,
} from './engine-choice';

const ALL_METHODS = Object.keys(METHOD_NAMES) as AssessmentMethod[];

describe('engine choice', () => {
  it.each<[AssessmentMethod | null | undefined, AssessmentMethod]>([
    [undefined, DEFAULT_CAMPAIGN_METHOD],
    [null, DEFAULT_CAMPAIGN_METHOD],
    // a choice stored before FLASH stopped being offered: new participations run the default
    ['FLASH', DEFAULT_CAMPAIGN_METHOD],
    ['CERTIFICATION_V2', DEFAULT_CAMPAIGN_METHOD],
  ])('campaign configured with %s runs %s', (configured, expected) => {
    expect(campaignMethod(configured)).toBe(expected);
  });

  it.each(ALL_METHODS)('%s: a campaign runs it iff it is offered', (method) => {
    expect(isCampaignMethod(method)).toBe(CAMPAIGN_METHODS.includes(method));
    expect(campaignMethod(method)).toBe(CAMPAIGN_METHODS.includes(method) ? method : DEFAULT_CAMPAIGN_METHOD);
  });

  it('certification engines are not offered for campaigns (FLASH is the v3 certification engine)', () => {
    expect(CAMPAIGN_METHODS).not.toContain('FLASH');
    expect(CAMPAIGN_METHODS).not.toContain('CERTIFICATION_V2');
    expect(CAMPAIGN_METHODS.length).toBeGreaterThan(0);
    expect(new Set(CAMPAIGN_METHODS).size).toBe(CAMPAIGN_METHODS.length);
  });

  it('new competence evaluations and campaigns run smart random again (issue 14: the Bayesian engine is not right on every learner family)', () => {
    expect([DEFAULT_COMPETENCE_EVALUATION_METHOD, DEFAULT_CAMPAIGN_METHOD]).toEqual(['SMART_RANDOM', 'SMART_RANDOM']);
    expect(CAMPAIGN_METHODS).toEqual(['SMART_RANDOM']);
  });

  it('defaults are adaptive campaign methods', () => {
    expect(CAMPAIGN_METHODS).toContain(DEFAULT_CAMPAIGN_METHOD);
    expect(CAMPAIGN_METHODS).toContain(DEFAULT_COMPETENCE_EVALUATION_METHOD);
  });
});

describe('why a campaign may not be set to an engine', () => {
  it.each(CAMPAIGN_METHODS)('%s is offered: no refusal', (method) => {
    expect(campaignMethodRefusal(method)).toBeNull();
  });

  it.each<[string, readonly AssessmentMethod[], string | null]>([
    ['FLASH', ['SMART_RANDOM', 'BAYES'], "Le moteur Flash (IRT) n'est pas proposé pour les campagnes : c'est le moteur de la certification v3, trop imprécis sur les campagnes. Choisissez Smart random (Pix) (SMART_RANDOM) ou Bayésien (BAYES)."],
    ['FLASH', ['SMART_RANDOM'], "Le moteur Flash (IRT) n'est pas proposé pour les campagnes : c'est le moteur de la certification v3, trop imprécis sur les campagnes. Choisissez Smart random (Pix) (SMART_RANDOM)."],
    ['BAYES', ['SMART_RANDOM'], "Le moteur Bayésien n'est pas proposé pour les campagnes : il n'est pas encore juste sur tous les profils d'élèves simulés. Choisissez Smart random (Pix) (SMART_RANDOM)."],
    ['CERTIFICATION_V2', ['BAYES'], "Le moteur Certification v2 n'est pas proposé pour les campagnes : c'est l'épreuve fixe de la certification, pas un parcours adaptatif. Choisissez Bayésien (BAYES)."],
    ['SMART_RANDOM', ['SMART_RANDOM', 'BAYES', 'FLASH'], null],
    ['RANDOM', ['SMART_RANDOM', 'BAYES'], 'Moteur inconnu. Choisissez Smart random (Pix) (SMART_RANDOM) ou Bayésien (BAYES).'],
    ['__proto__', ['BAYES'], 'Moteur inconnu. Choisissez Bayésien (BAYES).'],
    ['toString', ['BAYES'], 'Moteur inconnu. Choisissez Bayésien (BAYES).'],
    ['', ['BAYES'], 'Moteur inconnu. Choisissez Bayésien (BAYES).'],
  ])('%j among %j → %j', (method, offered, expected) => {
    expect(campaignMethodRefusal(method, offered)).toBe(expected);
  });

  it('names every offered engine when refusing FLASH', () => {
    const message = campaignMethodRefusal('FLASH') ?? '';
    for (const method of CAMPAIGN_METHODS) expect(message).toContain(`${METHOD_NAMES[method]} (${method})`);
  });
});
