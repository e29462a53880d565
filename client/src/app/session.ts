/**
 * Who is logged in on this device. The server session lives in an HttpOnly cookie; the device only
 * remembers the user id, so that an offline reload knows whose local database to open.
 */
const CURRENT_USER_KEY = 'pix.currentUserId';

export function rememberedUserId(): string | null {
  try {
    return localStorage.getItem(CURRENT_USER_KEY);
  } catch {
    return null;
  }
}

export function rememberUser(userId: string): void {
  localStorage.setItem(CURRENT_USER_KEY, userId);
}

export function forgetUser(): void {
  localStorage.removeItem(CURRENT_USER_KEY);
}
