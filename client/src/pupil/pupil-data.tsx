/**
 * Everything the pupil's screens read, live from the local database: answers, assessments, campaign
 * participations, saved tutorials, the campaigns joined, plus the content pack and what derives from them
 * (knowledge elements, scorecards). Rules come from shared/; this module only wires them to React, and
 * keeps the campaigns in step with the participations (any device shows the same profile).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RxDocument } from 'rxdb';
import { map, type OperatorFunction } from 'rxjs';
import type { PackIndex } from '../../../shared/src/model/pack-index';
import type { Assessment } from '../../../shared/src/model/types';
import { scorecards, type Scorecard } from '../../../shared/src/scoring/scorecards';
import { replayKnowledge, type KnowledgeReplay } from '../../../shared/src/scoring/user-knowledge';
import { targetSkillIdsOf as assessmentScope } from '../../../shared/src/sync/derive-assessment';
import type { PupilDatabase } from '../db/database';
import type { CampaignDoc } from '../db/local-schemas';
import type { AnswerDoc, AssessmentDoc, CampaignParticipationDoc, ProfileDoc, UserTutorialDoc } from '../db/schemas';
import { useObservable } from '../db/use-rx';
import { loadContentPack } from '../content/pack';
import { startSync, type SyncHandle } from '../sync/replication';
import { campaignRefresher, missingCampaignIds, toCampaignInfo, type CampaignInfo } from './campaigns';

export interface PupilData {
  db: PupilDatabase;
  profile: ProfileDoc;
  index: PackIndex | null;
  packError: string | null;
  answers: AnswerDoc[];
  assessments: AssessmentDoc[];
  participations: CampaignParticipationDoc[];
  tutorials: UserTutorialDoc[];
  /** the campaigns of this pupil's participations (and those looked up by code), by id */
  campaigns: Map<string, CampaignInfo>;
  knowledge: KnowledgeReplay;
  cards: Scorecard[];
  /** the skills an assessment measures */
  targetSkillIdsOf: (assessment: Assessment) => string[];
  /** the background sync of this pupil's documents */
  sync: SyncHandle | null;
  /** the node refused the session (expired): the pupil keeps working, but must log in again to sync */
  sessionExpired: boolean;
  /** the local database has been read once (until then the lists above are empty, not known to be empty) */
  ready: boolean;
}

const Context = createContext<PupilData | null>(null);

export function usePupil(): PupilData {
  const value = useContext(Context);
  if (!value) throw new Error('usePupil hors de PupilProvider');
  return value;
}

const EMPTY_REPLAY: KnowledgeReplay = { history: [], byAssessment: new Map() };

export function PupilProvider(props: { db: PupilDatabase; profile: ProfileDoc; children: ReactNode }) {
  const { db } = props;
  const [sync, setSync] = useState<SyncHandle | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);
  // Background sync with the node while this pupil is signed in (retries on its own when offline).
  useEffect(() => {
    const handle = startSync(db, () => setSessionExpired(true));
    setSync(handle);
    return () => void handle.stop();
  }, [db]);
  const [index, setIndex] = useState<PackIndex | null>(null);
  const [packError, setPackError] = useState<string | null>(null);
  useEffect(() => {
    loadContentPack().then(setIndex, (e: Error) => setPackError(e.message));
  }, []);

  // null until the local database has answered once: nothing derived is shown from a half-loaded state
  // (an assessment resumed from empty answers would flash its first question).
  const answersOrNull = useObservable<AnswerDoc[] | null>(() => db.answers.find({ sort: [{ createdAt: 'asc' }] }).$.pipe(mapJson<AnswerDoc>()), null, [db]);
  const assessmentsOrNull = useObservable<AssessmentDoc[] | null>(() => db.assessments.find().$.pipe(mapJson<AssessmentDoc>()), null, [db]);
  const participationsOrNull = useObservable<CampaignParticipationDoc[] | null>(
    () => db.participations.find().$.pipe(mapJson<CampaignParticipationDoc>()),
    null,
    [db],
  );
  const tutorialsOrNull = useObservable<UserTutorialDoc[] | null>(() => db.tutorials.find().$.pipe(mapJson<UserTutorialDoc>()), null, [db]);
  const campaignsOrNull = useObservable<CampaignDoc[] | null>(() => db.campaigns.find().$.pipe(mapJson<CampaignDoc>()), null, [db]);
  const ready =
    answersOrNull !== null && assessmentsOrNull !== null && participationsOrNull !== null && tutorialsOrNull !== null && campaignsOrNull !== null;
  const answers = useMemo(() => answersOrNull ?? [], [answersOrNull]);
  const assessments = useMemo(() => assessmentsOrNull ?? [], [assessmentsOrNull]);
  const participations = useMemo(() => participationsOrNull ?? [], [participationsOrNull]);
  const tutorials = useMemo(() => tutorialsOrNull ?? [], [tutorialsOrNull]);
  const campaigns = useMemo(() => new Map((campaignsOrNull ?? []).map((c) => [c.id, toCampaignInfo(c)])), [campaignsOrNull]);

  // The campaigns follow the participations: all of them at sign-in, and any a pulled participation lacks.
  const refresher = useMemo(() => campaignRefresher(db), [db]);
  useEffect(() => {
    refresher.refresh();
    const online = () => refresher.refresh();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      refresher.stop();
    };
  }, [refresher]);
  useEffect(() => {
    if (participationsOrNull === null || campaignsOrNull === null) return;
    refresher.whenMissing(missingCampaignIds(participationsOrNull, [...campaigns.values()]));
  }, [refresher, participationsOrNull, campaignsOrNull, campaigns]);

  const targetSkillIdsOf = useMemo(() => {
    return (assessment: Assessment): string[] => {
      if (!index) return [];
      const participation = participations.find((p) => p.id === assessment.campaignParticipationId);
      const campaign = participation ? campaigns.get(participation.campaignId) : undefined;
      const profile = campaign?.targetProfileId ? index.targetProfilesById.get(campaign.targetProfileId) : undefined;
      return assessmentScope(index, assessment, profile) ?? [];
    };
  }, [index, participations, campaigns]);

  const knowledge = useMemo(
    () => (index ? replayKnowledge(index, assessments, answers, targetSkillIdsOf) : EMPTY_REPLAY),
    [index, assessments, answers, targetSkillIdsOf],
  );
  const cards = useMemo(
    () => (index ? scorecards(index, knowledge.history, { assessments, answers, now: new Date() }) : []),
    [index, knowledge, assessments, answers],
  );

  const value: PupilData = {
    db, profile: props.profile, index, packError, answers, assessments, participations, tutorials, campaigns, knowledge, cards, targetSkillIdsOf, sync, sessionExpired, ready,
  };
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

function mapJson<T>(): OperatorFunction<RxDocument<T>[], T[]> {
  return map((docs) => docs.map((d) => d.toJSON() as unknown as T));
}
