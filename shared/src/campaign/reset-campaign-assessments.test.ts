import { describe, expect, it } from 'vitest';
import type { AssessmentState } from '../model/types';
import { campaignAssessmentsToRestart } from './reset-campaign-assessments';

type A = { id: string; type: 'CAMPAIGN' | 'COMPETENCE_EVALUATION'; state: AssessmentState; campaignParticipationId?: string };

const participations = [
  { id: 'p-started', status: 'STARTED' as const },
  { id: 'p-to-share', status: 'TO_SHARE' as const },
  { id: 'p-shared', status: 'SHARED' as const },
];
const skillsOf: Record<string, string[]> = { 'p-started': ['web1', 'web2'], 'p-to-share': ['web3', 'mail1'], 'p-shared': ['web1'], 'p-other': ['mail2'] };
const campaignSkillIdsOf = (a: A) => skillsOf[a.campaignParticipationId ?? ''] ?? [];

describe('campaignAssessmentsToRestart (§2.4 reset, campaign side)', () => {
  it.each<{ label: string; assessment: A; reset: string[]; restarted: boolean }>([
    { label: 'a started campaign assessment on the reset skills', assessment: { id: 'a', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-started' }, reset: ['web2'], restarted: true },
    { label: 'a finished one whose results are not sent yet', assessment: { id: 'a', type: 'CAMPAIGN', state: 'completed', campaignParticipationId: 'p-to-share' }, reset: ['web3'], restarted: true },
    { label: 'a shared participation keeps its results', assessment: { id: 'a', type: 'CAMPAIGN', state: 'completed', campaignParticipationId: 'p-shared' }, reset: ['web1'], restarted: false },
    { label: 'an aborted one stays aborted', assessment: { id: 'a', type: 'CAMPAIGN', state: 'aborted', campaignParticipationId: 'p-started' }, reset: ['web1'], restarted: false },
    { label: 'a campaign without the reset skills is left alone', assessment: { id: 'a', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-started' }, reset: ['mail1'], restarted: false },
    { label: 'an unknown participation (not synced yet) is left alone', assessment: { id: 'a', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-other' }, reset: ['mail2'], restarted: false },
    { label: 'a competence evaluation is not a campaign', assessment: { id: 'a', type: 'COMPETENCE_EVALUATION', state: 'started' }, reset: ['web1'], restarted: false },
    { label: 'nothing reset, nothing restarted', assessment: { id: 'a', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-started' }, reset: [], restarted: false },
  ])('$label → restarted: $restarted', ({ assessment, reset, restarted }) => {
    const result = campaignAssessmentsToRestart({ assessments: [assessment], participations, resetSkillIds: new Set(reset), campaignSkillIdsOf });
    expect(result).toEqual(restarted ? [assessment] : []);
  });

  it('keeps the input order among several campaigns', () => {
    const assessments: A[] = [
      { id: 'x', type: 'CAMPAIGN', state: 'completed', campaignParticipationId: 'p-to-share' },
      { id: 'y', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-shared' },
      { id: 'z', type: 'CAMPAIGN', state: 'started', campaignParticipationId: 'p-started' },
    ];
    const result = campaignAssessmentsToRestart({ assessments, participations, resetSkillIds: new Set(['web1', 'web3']), campaignSkillIdsOf });
    expect(result.map((a) => a.id)).toEqual(['x', 'z']);
  });
});
