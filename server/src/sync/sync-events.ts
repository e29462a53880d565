/**
 * In-process change notifications for the live stream (SSE): after a push commits, the users whose
 * documents changed are announced; each open stream decides whether it cares. Never called inside a
 * transaction (a rolled-back change must not be announced).
 */
export type ChangeListener = (userIds: ReadonlySet<string>) => void;

export class SyncEvents {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(userIds: ReadonlySet<string>): void {
    if (userIds.size === 0) return;
    for (const listener of this.listeners) listener(userIds);
  }

  get size(): number {
    return this.listeners.size;
  }
}
