/**
 * Screen state is per user: written, read and removed in one user's database, invisible from another's,
 * and gone when that user's database is removed at logout.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, removeUserDatabase } from './database';
import { localKeys, readLocal, removeLocal, writeLocal } from './local-state';

describe('local state', () => {
  it('keeps each key of one user, apart from another user on the same device, until the logout', async () => {
    let camille = await openUserDatabase('3f8f5c2e-1111-4222-8333-944445555601');
    const started = localKeys.challengeStarted('a1', 'rec123');
    await writeLocal(camille, localKeys.rulesSeen, '1');
    await writeLocal(camille, localKeys.checkpointSeen('a1'), '5');
    await writeLocal(camille, started, '1767261600000');
    await writeLocal(camille, localKeys.checkpointSeen('a1'), '10');
    expect(await readLocal(camille, localKeys.rulesSeen)).toBe('1');
    expect(await readLocal(camille, localKeys.checkpointSeen('a1'))).toBe('10');

    // the next pupil on this PC (Camille's database kept and closed: one user's database open at a time)
    const yanis = await openUserDatabase('3f8f5c2e-1111-4222-8333-944445555602');
    expect(camille.closed).toBe(true);
    expect(await readLocal(yanis, localKeys.rulesSeen)).toBeNull();
    expect(await readLocal(yanis, started)).toBeNull();

    camille = await openUserDatabase('3f8f5c2e-1111-4222-8333-944445555601');
    expect(await readLocal(camille, localKeys.rulesSeen)).toBe('1');
    await removeLocal(camille, [started, localKeys.focusLost('a1', 'rec123')]);
    expect(await readLocal(camille, started)).toBeNull();

    await removeUserDatabase('3f8f5c2e-1111-4222-8333-944445555601');
    const again = await openUserDatabase('3f8f5c2e-1111-4222-8333-944445555601');
    expect(await readLocal(again, localKeys.rulesSeen)).toBeNull();
    await removeUserDatabase('3f8f5c2e-1111-4222-8333-944445555601');
  });

  it('keys name their test and challenge, so two challenges never share a timer', () => {
    expect(localKeys.challengeStarted('a1', 'c1')).not.toBe(localKeys.challengeStarted('a1', 'c2'));
    expect(localKeys.challengeStarted('a1', 'c1')).not.toBe(localKeys.challengeStarted('a2', 'c1'));
    expect(localKeys.focusLost('a1', 'c1')).not.toBe(localKeys.challengeStarted('a1', 'c1'));
  });
});
