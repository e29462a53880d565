import { describe, expect, it } from 'vitest';
import { campaignAccess, mayShare, type CampaignAccessFacts } from './campaign-access';

const facts = (over: Partial<CampaignAccessFacts> = {}): CampaignAccessFacts => ({
  archivedAt: null, organizationName: 'Collège Jean Moulin', organizationManagesStudents: true,
  divisionId: 'div-5a', divisionName: '5e A', learnerDivisionIds: ['div-5a'], isMember: false, ...over,
});

describe('campaignAccess: who may take part in a campaign', () => {
  it.each([
    ['a learner of the campaign division', facts(), true, null],
    ['a learner of another division of the school', facts({ learnerDivisionIds: ['div-3b'] }), false, 'Ce parcours est réservé aux élèves de la classe 5e A.'],
    ['a learner in two divisions, one of them the campaign one', facts({ learnerDivisionIds: ['div-3b', 'div-5a'] }), true, null],
    ['a whole-school campaign: any learner of the school', facts({ divisionId: null, divisionName: null, learnerDivisionIds: [null] }), true, null],
    ['a teacher of the school trying the campaign out', facts({ learnerDivisionIds: [], isMember: true }), true, null],
    ['not a learner of the school (another school, its teachers)', facts({ learnerDivisionIds: [] }), false, "Ce parcours est réservé aux élèves de l'établissement « Collège Jean Moulin »."],
    ['an organisation that does not manage students: anyone with the code', facts({ organizationManagesStudents: false, divisionId: null, learnerDivisionIds: [] }), true, null],
    ['archived: nobody, whoever they are', facts({ archivedAt: '2026-11-01T00:00:00.000Z' }), false, 'Ce parcours a été archivé par votre organisation.'],
  ])('%s', (_label, input, ok, message) => {
    const access = campaignAccess(input);
    expect(access.ok).toBe(ok);
    if (!access.ok) expect(access.message).toBe(message);
  });

  it('archived comes first, with its own code', () => {
    expect(campaignAccess(facts({ archivedAt: '2026-11-01T00:00:00.000Z', learnerDivisionIds: [] }))).toMatchObject({ code: 'CAMPAIGN_ARCHIVED' });
    expect(campaignAccess(facts({ learnerDivisionIds: [] }))).toMatchObject({ code: 'CAMPAIGN_RESTRICTED' });
  });

  it('mayShare: sending results is refused once archived', () => {
    expect(mayShare({ archivedAt: null })).toEqual({ ok: true });
    expect(mayShare({ archivedAt: '2026-11-01T00:00:00.000Z' })).toMatchObject({ ok: false, code: 'CAMPAIGN_ARCHIVED' });
  });
});
