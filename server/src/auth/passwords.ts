/** Password hashing with argon2id (@node-rs/argon2: maintained, prebuilt, no compile step). */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum, not usable with isolatedModules: 2 is its value.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
