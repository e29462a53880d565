/**
 * A node served in HTTPS (--https-cert / --https-key): what a school relay needs so that the pupils'
 * browsers, reaching it at its LAN address, run the service worker (secure context only).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startNode, type NodeOptions, type RunningNode } from './node';

const tlsDir = join(import.meta.dirname, 'testing', 'tls');
const cert = join(tlsDir, 'localhost-cert.pem');
const key = join(tlsDir, 'localhost-key.pem');
const dirs: string[] = [];
const nodes: RunningNode[] = [];

function options(tls: NodeOptions['tls']): NodeOptions {
  const dataDir = mkdtempSync(join(tmpdir(), 'pix-https-'));
  dirs.push(dataDir);
  return { port: 0, host: '127.0.0.1', dataDir, upstream: null, relayToken: null, demo: false, quiet: true, tls };
}

/** GET over TLS, trusting only the test certificate: the handshake itself is checked. */
function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: readFileSync(cert) }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('HTTPS node', () => {
  it('serves the API over TLS with the given certificate, and says https in its address', async () => {
    const node = await startNode(options({ certFile: cert, keyFile: key }));
    nodes.push(node);
    expect(node.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await getJson(`${node.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ mode: 'central', db: 'ok' });
    // Plain http on the same port is not served.
    await expect(fetch(node.url.replace('https:', 'http:') + '/api/health')).rejects.toThrow();
  });

  it.each([
    ['a missing certificate', { certFile: join(tlsDir, 'nope.pem'), keyFile: key }, /Impossible de lire le certificat HTTPS \(--https-cert\)/],
    ['a key that is not the certificate\'s', { certFile: cert, keyFile: join(tlsDir, 'other-key.pem') }, /Certificat ou clé HTTPS invalide/],
  ])('%s fails the start with a clear French message', async (_label, tls, message) => {
    await expect(startNode(options(tls))).rejects.toThrow(message);
  });
});
