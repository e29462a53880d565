/**
 * Child-process nodes for fault, load and browser tests: a free loopback port, `server/src/cli.ts`
 * started with tsx on 127.0.0.1 (optionally in HTTPS), readiness by polling /api/health, and kill/stop
 * helpers. Every spawned process is tracked so `killAll` can clean up whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const spawned = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
    server.once('error', fail);
  });
}

export interface NodeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** stderr and stdout lines, for diagnostics */
  output: string[];
}

export interface SpawnOptions {
  port: number;
  dataDir: string;
  upstream?: string;
  relayToken?: string;
  args?: string[];
  /** flags for node itself (e.g. --cpu-prof), before the script */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
  /** serve HTTPS (--https-cert/--https-key) at https://localhost:port; the certificate is trusted for the health probe */
  tls?: { certFile: string; keyFile: string };
}

/** GET /api/health over HTTPS trusting `ca` only (fetch cannot be given a CA). */
function httpsHealthy(url: string, ca: Buffer): Promise<boolean> {
  return new Promise((done) => {
    const req = httpsGet(`${url}/api/health`, { ca, timeout: 1000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
  });
}

export async function waitForHealth(url: string, timeoutMs: number, child?: ChildProcess, ca?: Buffer): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`node exited with code ${child.exitCode}`);
    try {
      if (ca ? await httpsHealthy(url, ca) : (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`node ${url} not ready after ${timeoutMs} ms`);
}

export async function spawnNode(options: SpawnOptions): Promise<NodeProcess> {
  const args = [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/src/cli.ts', '--port', String(options.port), '--data', options.dataDir, '--host', '127.0.0.1', '--quiet'];
  if (options.upstream) args.push('--upstream', options.upstream);
  if (options.relayToken) args.push('--relay-token', options.relayToken);
  if (options.tls) args.push('--https-cert', options.tls.certFile, '--https-key', options.tls.keyFile);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The test certificate names localhost (and 127.0.0.1); a browser's secure context wants the name.
  const url = options.tls ? `https://localhost:${options.port}` : `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(url, options.readyTimeoutMs ?? 30_000, child, options.tls ? readFileSync(options.tls.certFile) : undefined);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output.slice(-20).join('\n')}`);
  }
  return { url, port: options.port, child, output };
}

/** Sends a signal and waits for the process to be gone. */
export function stopNode(node: NodeProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000): Promise<void> {
  return new Promise((done) => {
    if (node.child.exitCode !== null || node.child.signalCode !== null) return done();
    const timer = setTimeout(() => {
      node.child.kill('SIGKILL');
    }, timeoutMs);
    node.child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    node.child.kill(signal);
  });
}

/** Kills every node this process spawned (only those: tracked by child handle, never by name). */
export function killAll(): void {
  for (const child of spawned) child.kill('SIGKILL');
  spawned.clear();
}
