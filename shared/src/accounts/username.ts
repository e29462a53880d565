/**
 * Pupil usernames (§6 of the domain spec): standardised first name + "." + standardised last name + DDMM of
 * birth; when taken, the DDMM part is replaced by 4 random digits until one is free.
 */

/** lower-case, no accents, no spaces, only [a-z0-9] */
export function standardiseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** birthdate "YYYY-MM-DD" → "DDMM" */
function dayMonth(birthdate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate);
  if (!match) throw new Error(`Date de naissance invalide : ${birthdate}`);
  return `${match[3]}${match[2]}`;
}

export function usernameBase(firstName: string, lastName: string): string {
  return `${standardiseName(firstName)}.${standardiseName(lastName)}`;
}

/**
 * @param isTaken tells whether a username is already used
 * @param randomInt injected source: an integer in [0, n)
 */
export function generateUsername(
  person: { firstName: string; lastName: string; birthdate: string },
  isTaken: (username: string) => boolean,
  randomInt: (n: number) => number,
): string {
  const base = usernameBase(person.firstName, person.lastName);
  const preferred = base + dayMonth(person.birthdate);
  if (!isTaken(preferred)) return preferred;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const candidate = base + String(randomInt(10_000)).padStart(4, '0');
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`Aucun identifiant libre pour ${base}`);
}

const TEMPORARY_PASSWORD_LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** Teacher-generated temporary password: 6 letters + 2 digits (00–99). */
export function generateTemporaryPassword(randomInt: (n: number) => number): string {
  let password = '';
  for (let i = 0; i < 6; i++) password += TEMPORARY_PASSWORD_LETTERS[randomInt(TEMPORARY_PASSWORD_LETTERS.length)];
  return password + String(randomInt(100)).padStart(2, '0');
}

/** ≥ 8 characters with at least one upper-case letter, one lower-case letter and one digit. */
export function isValidPassword(password: string): boolean {
  return password.length >= 8 && /[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password);
}
