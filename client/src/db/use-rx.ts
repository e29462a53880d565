/** Subscribes a React component to an RxDB query (or any observable of documents). */
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export function useObservable<T>(factory: () => Observable<T> | null, initial: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const observable = factory();
    if (!observable) return;
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
