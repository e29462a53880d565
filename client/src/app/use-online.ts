/**
 * Online as React state: navigator.onLine and the node reachable (client/src/api/reachability.ts — a
 * dropped link to the node leaves navigator.onLine true).
 */
import { useEffect, useState } from 'react';
import { nodeReachability } from '../api/reachability';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => nodeReachability()?.online ?? navigator.onLine);
  useEffect(() => {
    const reachability = nodeReachability();
    if (!reachability) return;
    setOnline(reachability.online);
    return reachability.subscribe(setOnline);
  }, []);
  return online;
}
