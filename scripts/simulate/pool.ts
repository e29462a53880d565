/**
 * A small process pool for `npm run simulate`: the tasks (one family or one campaign for one seed)
 * are independent and reproducible, so they can run in child processes and be merged in task order,
 * which gives exactly the numbers of a sequential run (only the pick timings differ).
 *
 * The children are forks of `script` (with the parent's Node options, so tsx's loader comes along) and
 * speak a tiny protocol: the parent sends { type: 'task', id, task }, the child answers
 * { type: 'result', id, result } or { type: 'error', id, message }; `serveTasks` is the child side.
 */
import { fork, type ChildProcess } from 'node:child_process';

export const WORKER_ENV = 'PIX_SIMULATE_WORKER';

type ParentMessage<T> = { type: 'task'; id: number; task: T };
type ChildMessage<R> = { type: 'result'; id: number; result: R } | { type: 'error'; id: number; message: string };

export interface PoolInput<T, R> {
  tasks: readonly T[];
  /** child processes; ≤ 1 runs every task in this process with `local` */
  workers: number;
  script: string;
  args: readonly string[];
  local: (task: T) => R;
}

export async function runPool<T, R>(input: PoolInput<T, R>): Promise<R[]> {
  const { tasks } = input;
  const workers = Math.min(input.workers, tasks.length);
  if (workers <= 1) return tasks.map((task) => input.local(task));
  const results: R[] = new Array<R>(tasks.length);
  let next = 0;
  let done = 0;
  const children: ChildProcess[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (child: ChildProcess): void => {
        if (next >= tasks.length) {
          child.disconnect();
          return;
        }
        const id = next++;
        child.send({ type: 'task', id, task: tasks[id] } satisfies ParentMessage<T>);
      };
      for (let w = 0; w < workers; w++) {
        const child = fork(input.script, [...input.args], { env: { ...process.env, [WORKER_ENV]: '1' }, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.push(child);
        child.on('message', (raw) => {
          const message = raw as ChildMessage<R>;
          if (message.type === 'error') {
            reject(new Error(message.message));
            return;
          }
          results[message.id] = message.result;
          done++;
          if (done === tasks.length) resolve();
          else feed(child);
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code !== 0 && done < tasks.length) reject(new Error(`Un processus de simulation s'est arrêté (code ${String(code)}).`));
        });
        feed(child);
      }
    });
  } finally {
    for (const child of children) if (child.exitCode === null && child.connected) child.disconnect();
  }
  return results;
}

/** Child side: answers each task with `handle` until the parent disconnects. */
export function serveTasks<T, R>(handle: (task: T) => R): void {
  process.on('message', (raw) => {
    const message = raw as ParentMessage<T>;
    if (message.type !== 'task') return;
    let reply: ChildMessage<R>;
    try {
      reply = { type: 'result', id: message.id, result: handle(message.task) };
    } catch (error) {
      reply = { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(reply);
  });
}
