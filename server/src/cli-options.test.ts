import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNodeArgs } from './cli-options';

const root = '/srv/pix';

describe('parseNodeArgs', () => {
  it('defaults: central on port 3000, data in the project, no HTTPS', () => {
    const options = parseNodeArgs([], {}, root);
    expect(options).toMatchObject({ port: 3000, host: '0.0.0.0', upstream: null, demo: true, dataDir: resolve(root, 'data') });
    expect(options.tls).toBeUndefined();
  });

  it.each([
    [['--https-cert', 'cert.pem', '--https-key', 'key.pem'], {}],
    [['--https-cert=cert.pem', '--https-key=key.pem'], {}],
    [[], { PIX_HTTPS_CERT: 'cert.pem', PIX_HTTPS_KEY: 'key.pem' }],
  ])('HTTPS from %j %j', (argv, env) => {
    expect(parseNodeArgs(argv, env, root).tls).toEqual({ certFile: resolve('cert.pem'), keyFile: resolve('key.pem') });
  });

  it.each([
    [['--https-cert', 'cert.pem'], 'vont ensemble'],
    [['--https-key', 'key.pem'], 'vont ensemble'],
    [['--https-cert'], "L'option --https-cert attend une valeur."],
    [['--port', '70000'], 'Port invalide : 70000'],
    [['--upstream', 'ftp://central'], 'Adresse du nœud central invalide'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseNodeArgs(argv, {}, root)).toThrow(message);
  });
});
