/**
 * Command-line options of a node: --port, --data, --upstream, --relay-token, --host, --no-demo,
 * --pack FILE (content pack, default content/dist/pack.json), --forward-interval MS (relay),
 * --https-cert FILE --https-key FILE (serve HTTPS; PIX_HTTPS_CERT / PIX_HTTPS_KEY).
 */
import { resolve } from 'node:path';
import type { NodeOptions } from './node';

export function parseNodeArgs(argv: string[], env: NodeJS.ProcessEnv, root: string): NodeOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`L'option ${name} attend une valeur.`);
      return v;
    }
    const prefixed = argv.find((a) => a.startsWith(`${name}=`));
    return prefixed?.slice(name.length + 1);
  };
  const portText = value('--port') ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Port invalide : ${portText}`);
  const upstream = value('--upstream') ?? env.PIX_UPSTREAM ?? null;
  if (upstream !== null) {
    try {
      const url = new URL(upstream);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      throw new Error(`Adresse du nœud central invalide : ${upstream}`);
    }
  }
  const certFile = value('--https-cert') ?? env.PIX_HTTPS_CERT;
  const keyFile = value('--https-key') ?? env.PIX_HTTPS_KEY;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new Error('Les options --https-cert et --https-key vont ensemble (certificat et clé au format PEM).');
  }
  return {
    port,
    host: value('--host') ?? env.HOST ?? '0.0.0.0',
    dataDir: resolve(value('--data') ?? env.PIX_DATA ?? resolve(root, 'data')),
    upstream: upstream ? upstream.replace(/\/+$/, '') : null,
    relayToken: value('--relay-token') ?? env.PIX_RELAY_TOKEN ?? null,
    demo: !argv.includes('--no-demo'),
    staticRoot: resolve(root, 'dist'),
    ...(value('--pack') ? { packFile: resolve(value('--pack') as string) } : {}),
    ...(value('--forward-interval') ? { forwardIntervalMs: Number(value('--forward-interval')) } : {}),
    ...(certFile && keyFile ? { tls: { certFile: resolve(certFile), keyFile: resolve(keyFile) } } : {}),
  };
}
