/**
 * What the relay knows about its link to central, shared by the forwarder, the snapshot puller, the
 * downward replicator and the status routes. In memory: after a restart it is unknown until the first attempt.
 */
export interface RelayState {
  lastForwardAt: string | null;
  lastSnapshotAt: string | null;
  /** null until the first attempt */
  upstreamReachable: boolean | null;
  lastError: string | null;
  /** last complete downward pass (documents pulled from central) */
  lastPullAt: string | null;
  /** documents from central waiting locally for a dependency (assessment, campaign, user) */
  downstreamParked: number;
  /** central's content pack version, from the last snapshot */
  centralContentVersion: string | null;
  /** null until the first snapshot (or when central has no pack) */
  contentVersionMismatch: boolean | null;
}

export function createRelayState(): RelayState {
  return {
    lastForwardAt: null, lastSnapshotAt: null, upstreamReachable: null, lastError: null,
    lastPullAt: null, downstreamParked: 0, centralContentVersion: null, contentVersionMismatch: null,
  };
}
