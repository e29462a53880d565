/**
 * When the device records the end of a test (state « completed », locally: offline, the dashboard and the
 * competence page must know it). Completion is the node's (ADR 0001): it turns a pushed « completed » back
 * into « started » until it has derived the end itself from the answers it holds. Recording it again at
 * once, on the same answers, pushed it in a loop (about every 100 ms) whenever the node had not derived it
 * yet, or never would (the device and the node disagreeing on the next question). So the device records it
 * once per answer history — the answers in order, with the node's stamps — and again only when that history
 * changes (a stamp or an answer arrived); the node's own completion comes down with the pull.
 */
export function answerHistoryKey(answers: readonly { id: string; receivedAt?: string }[]): string {
  return answers.map((a) => `${a.id}@${a.receivedAt ?? ''}`).join(',');
}

export function shouldRecordCompletion(options: { done: boolean; state: string; history: string; recordedFor: string | null }): boolean {
  return options.done && options.state === 'started' && options.history !== options.recordedFor;
}
