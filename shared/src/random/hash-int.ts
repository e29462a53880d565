/**
 * Deterministic 32-bit string hash (Java `String.hashCode` style: h = 31·h + code, wrapped to int32).
 *
 * The smart-random engine picks its skill and challenge from `|hashInt(assessmentId)|` and
 * `|hashInt(assessmentId + 1)|` (§3.1 of the domain spec), so every device that holds the same
 * answers picks the same next challenge. Keep this function stable: changing it changes every pick.
 */
export function hashInt(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) {
    hash = (Math.imul(31, hash) + value.charCodeAt(i)) | 0;
  }
  return hash;
}
