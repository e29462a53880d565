/**
 * What the relay knows about its link to central, shared by the forwarder, the snapshot puller and
 * the status routes. In memory: after a restart it is unknown until the first attempt.
 */
export interface RelayState {
  lastForwardAt: string | null;
  lastSnapshotAt: string | null;
  /** null until the first attempt */
  upstreamReachable: boolean | null;
  lastError: string | null;
}

export function createRelayState(): RelayState {
  return { lastForwardAt: null, lastSnapshotAt: null, upstreamReachable: null, lastError: null };
}
