/**
 * The signed-in user pointer lives in the device's own IndexedDB store (not Web Storage), survives a
 * reload, and is gone after logout; calls land in order, so a logout followed at once by another
 * pupil's login leaves that pupil signed in.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDeviceDatabase, DEVICE_DATABASE_NAME } from '../db/device';
import { forgetUser, rememberedUserId, rememberUser } from './session';

describe('session pointer', () => {
  it('is remembered across a reload and forgotten at logout', async () => {
    expect(await rememberedUserId()).toBeNull();
    await rememberUser('camille');
    await closeDeviceDatabase(); // a reload: a new connection reads what the last one wrote
    expect(await rememberedUserId()).toBe('camille');
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(DEVICE_DATABASE_NAME);
    forgetUser();
    expect(await rememberedUserId()).toBeNull();
  });

  it('a logout then the next pupil’s login, without waiting, leaves the next pupil signed in', async () => {
    await rememberUser('camille');
    forgetUser();
    const signedIn = rememberUser('yanis');
    expect(await rememberedUserId()).toBe('yanis');
    await signedIn;
    forgetUser();
    expect(await rememberedUserId()).toBeNull();
  });

  it('never uses Web Storage', async () => {
    expect('localStorage' in globalThis).toBe(false);
    await rememberUser('emma');
    expect(await rememberedUserId()).toBe('emma');
    forgetUser();
  });
});
