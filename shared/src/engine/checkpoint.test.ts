import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY, isCheckpointAfterNext, progressInCheckpoint } from './checkpoint';

describe('checkpoints', () => {
  it('come every 5 answers', () => {
    expect(CHECKPOINT_EVERY).toBe(5);
  });

  it.each([
    { answered: 0, progress: 1, checkpointNext: false },
    { answered: 3, progress: 4, checkpointNext: false },
    { answered: 4, progress: 5, checkpointNext: true },
    { answered: 5, progress: 1, checkpointNext: false },
    { answered: 9, progress: 5, checkpointNext: true },
    { answered: 12, progress: 3, checkpointNext: false },
  ])('after $answered answers: question $progress/5, checkpoint next = $checkpointNext', ({ answered, progress, checkpointNext }) => {
    expect(progressInCheckpoint(answered)).toBe(progress);
    expect(isCheckpointAfterNext(answered)).toBe(checkpointNext);
  });
});
