/**
 * Checkpoints (§3.1): in competence evaluations and campaigns the learner sees a checkpoint page
 * (the last answers with their corrections) every CHECKPOINT_EVERY answers; the progress bar counts
 * 1..CHECKPOINT_EVERY inside the current group.
 */
export const CHECKPOINT_EVERY = 5;

/** Position (1..5) of the question about to be asked, given how many were answered. */
export function progressInCheckpoint(answeredCount: number): number {
  return (answeredCount % CHECKPOINT_EVERY) + 1;
}

/** True when answering the next question completes a group, so a checkpoint page follows it. */
export function isCheckpointAfterNext(answeredCount: number): boolean {
  return (answeredCount + 1) % CHECKPOINT_EVERY === 0;
}
