/**
 * A test in progress, run entirely on the device: the engine (shared/) picks the next challenge from the
 * answers in the local database, so a reload, a closed tab or another device with the same answers resumes
 * at the same question. Every 5 answers a checkpoint shows "Vos réponses"; at the end, the results.
 * A correct answer that raises its competence's level shows « Félicitations ! » on the next screen
 * (level-up-banner.ts).
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useMemo, useRef, useState } from 'react';
import { nextChallenge } from '../../../../shared/src/engine/next-challenge';
import { orderAnswers } from '../../../../shared/src/engine/answer-history';
import { CHECKPOINT_EVERY, progressInCheckpoint } from '../../../../shared/src/engine/checkpoint';
import { matchAnswer } from '../../../../shared/src/matching/match-answer';
import { previousKnowledgeElementsFor } from '../../../../shared/src/sync/derive-assessment';
import { Link } from '../../app/router';
import { localKeys, useLocalState } from '../../db/local-state';
import { completeAssessment, markParticipationToShare, saveAnswer } from '../../pupil/actions';
import { usePupil } from '../../pupil/pupil-data';
import { AnswerReview } from './AnswerReview';
import { ChallengeStep, type AnswerMeta } from './ChallengeStep';
import { answerHistoryKey, shouldRecordCompletion } from './completion';
import { GameRules } from './GameRules';
import { useLevelUpBanner } from './level-up-banner';
import { Results } from './Results';

export function AssessmentPage(props: { assessmentId: string }) {
  const pupil = usePupil();
  const { index } = pupil;
  const assessment = pupil.assessments.find((a) => a.id === props.assessmentId);
  const [saving, setSaving] = useState(false);
  // Screen state of this pupil on this device, in their local database (gone with it at logout).
  const rules = useLocalState(pupil.db, localKeys.rulesSeen);
  const checkpoint = useLocalState(pupil.db, localKeys.checkpointSeen(props.assessmentId));
  const rulesSeen = rules.value === '1';
  const checkpointSeen = Number(checkpoint.value ?? 0);

  const answers = useMemo(
    () => orderAnswers(pupil.answers.filter((a) => a.assessmentId === props.assessmentId)),
    [pupil.answers, props.assessmentId],
  );
  const targetSkillIds = useMemo(() => (assessment ? pupil.targetSkillIdsOf(assessment) : []), [assessment, pupil.targetSkillIdsOf]);
  const step = useMemo(() => {
    if (!index || !assessment || targetSkillIds.length === 0) return null;
    // the node's rule (knowledge reuse from assessments created no later), so both agree on every step
    const createdAt = new Map(pupil.assessments.map((a) => [a.id, a.createdAt]));
    const previous = previousKnowledgeElementsFor(assessment, pupil.knowledge.history, (id) => createdAt.get(id));
    return nextChallenge(
      index,
      { assessmentId: assessment.id, userId: assessment.userId, targetSkillIds, previousKnowledgeElements: previous, method: assessment.method },
      answers,
    );
  }, [index, assessment, targetSkillIds, answers, pupil.knowledge, pupil.assessments]);

  // The test is over when the engine says so: record it locally (the node checks it again), once per
  // answer history — the node turns it back to « started » until it derives the end itself (completion.ts).
  const history = useMemo(() => answerHistoryKey(answers), [answers]);
  const completionRecordedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!assessment || !step) return;
    if (!shouldRecordCompletion({ done: step.done, state: assessment.state, history, recordedFor: completionRecordedFor.current })) return;
    completionRecordedFor.current = history;
    void completeAssessment(pupil.db, assessment.id, new Date());
    if (assessment.campaignParticipationId) void markParticipationToShare(pupil.db, assessment.campaignParticipationId, new Date());
  }, [assessment, step, history, pupil.db]);

  const answered = answers.length;
  const atCheckpoint = answered > checkpointSeen && (answered % CHECKPOINT_EVERY === 0 || step?.done === true);
  const showRules = !rulesSeen && answered === 0 && !step?.done;
  // what the page shows: the level-up banner belongs to the screen shown after the answer
  const screen = showRules ? 'rules' : atCheckpoint ? `checkpoint:${answered}` : !step || step.done ? 'results' : `challenge:${step.challenge.id}`;
  const levelUp = useLevelUpBanner({ index, answers: pupil.answers, knowledgeElements: pupil.knowledge.history, screen });

  if (pupil.packError) return <div className="fr-alert fr-alert--error fr-my-4w"><p>{pupil.packError}</p></div>;
  if (!index || !pupil.ready || !rules.loaded || !checkpoint.loaded) return <p className="fr-py-6w">Chargement du test…</p>;
  if (!assessment) {
    return (
      <div className="fr-py-6w">
        <p>Ce test n'existe pas sur cet appareil.</p>
        <Link href="/">Retour au tableau de bord</Link>
      </div>
    );
  }

  const title = titleOf(assessment, index, pupil.participations, pupil.campaigns);
  const sinceCheckpoint = answers.slice(checkpointSeen);

  const ackCheckpoint = () => checkpoint.set(String(answered));

  async function onAnswer(value: string, meta: AnswerMeta) {
    if (!step || step.done || !assessment) return;
    setSaving(true);
    levelUp.submitted(assessment.id, step.challenge.id);
    try {
      const { result, resultDetails } = matchAnswer(step.challenge, value, {
        timeout: meta.timeout,
        focusedOut: meta.focusedOut,
        isCertification: assessment.type === 'CERTIFICATION',
      });
      await saveAnswer(
        pupil.db,
        {
          userId: assessment.userId,
          assessmentId: assessment.id,
          challengeId: step.challenge.id,
          value,
          timeout: meta.timeout,
          focusedOut: meta.focusedOut,
          timeSpent: meta.timeSpent,
          createdAt: new Date().toISOString(),
          result,
          ...(resultDetails ? { resultDetails } : {}),
        },
        new Date(),
      );
    } finally {
      setSaving(false);
    }
  }

  let body;
  if (showRules) {
    body = (
      <GameRules
        onDone={() => rules.set('1')}
      />
    );
  } else if (atCheckpoint) {
    const tested = new Set(pupil.knowledge.history.filter((ke) => targetSkillIds.includes(ke.skillId)).map((ke) => ke.skillId));
    const share = step && !step.done && step.progress !== undefined ? step.progress : tested.size / Math.max(1, targetSkillIds.length);
    const progress = step?.done ? 100 : Math.min(99, Math.round(share * 100));
    body = (
      <section aria-labelledby="checkpoint-title" data-testid="checkpoint">
        <div className="pix-checkpoint__head">
          <div>
            <p className="pix-progress-label" data-testid="checkpoint-progress">
              avancement {progress} %
            </p>
            <span className="pix-bar pix-bar--wide" aria-hidden="true">
              <span className="pix-bar__fill" style={{ width: `${progress}%` }} />
            </span>
          </div>
          <Button onClick={ackCheckpoint} iconId="fr-icon-arrow-right-line" iconPosition="right">
            {step?.done ? 'Voir mes résultats' : 'Continuer'}
          </Button>
        </div>
        <h1 id="checkpoint-title" className="fr-h3 fr-mt-3w">
          Vos réponses
        </h1>
        <AnswerReview answers={sinceCheckpoint} index={index} />
        <div className="pix-challenge__actions">
          <Button onClick={ackCheckpoint} iconId="fr-icon-arrow-right-line" iconPosition="right">
            {step?.done ? 'Voir mes résultats' : 'Continuer'}
          </Button>
        </div>
      </section>
    );
  } else if (!step || step.done) {
    body = <Results assessment={assessment} answers={answers} />;
  } else {
    const current = progressInCheckpoint(answered);
    body = (
      <>
        <ol className="pix-dots" aria-label={`Question ${current} sur ${CHECKPOINT_EVERY}`} data-testid="progress-dots">
          {Array.from({ length: CHECKPOINT_EVERY }, (_, i) => (
            <li key={i} className={i + 1 === current ? 'pix-dots__dot pix-dots__dot--current' : i + 1 < current ? 'pix-dots__dot pix-dots__dot--done' : 'pix-dots__dot'} aria-current={i + 1 === current ? 'step' : undefined}>
              {i + 1}
            </li>
          ))}
        </ol>
        <ChallengeStep key={step.challenge.id} db={pupil.db} assessmentId={assessment.id} challenge={step.challenge} onAnswer={onAnswer} saving={saving} />
      </>
    );
  }

  return (
    <div className="fr-py-3w">
      <div className="pix-test-head">
        <p className="fr-text--sm fr-mb-0">
          <span className="fr-text--bold">{title}</span>
        </p>
        <Link href="/" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Quitter
        </Link>
      </div>
      {levelUp.banner && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status" data-testid="level-up">
          <p>
            Félicitations ! Vous avez atteint le niveau {levelUp.banner.level} en « {index.competencesById.get(levelUp.banner.competenceId)?.name ?? levelUp.banner.competenceId} ».
          </p>
          <button type="button" className="fr-btn--close fr-btn" title="Masquer le message" onClick={levelUp.close}>
            Masquer le message
          </button>
        </div>
      )}
      {body}
    </div>
  );
}

function titleOf(
  assessment: { type: string; competenceId?: string; campaignParticipationId?: string },
  index: NonNullable<ReturnType<typeof usePupil>['index']>,
  participations: ReturnType<typeof usePupil>['participations'],
  campaigns: ReturnType<typeof usePupil>['campaigns'],
): string {
  if (assessment.type === 'COMPETENCE_EVALUATION' && assessment.competenceId) {
    const competence = index.competencesById.get(assessment.competenceId);
    return competence ? `${competence.index} ${competence.name}` : 'Test de compétence';
  }
  const participation = participations.find((p) => p.id === assessment.campaignParticipationId);
  const campaign = participation ? campaigns.get(participation.campaignId) : undefined;
  return campaign ? campaign.title ?? campaign.name : 'Parcours';
}
