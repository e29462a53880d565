import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestSource, sourceKey, UNKNOWN_SOURCE } from './source-address';

describe('sourceKey', () => {
  it.each([
    ['192.168.1.23', '192.168.1.23'],
    ['::ffff:192.168.1.23', '192.168.1.23'],
    ['::FFFF:10.0.0.2', '10.0.0.2'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:0:1:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001::42', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['not:an::address::', 'not:an::address::'],
  ])('%s → %s', (address, key) => {
    expect(sourceKey(address)).toBe(key);
  });
});

describe('requestSource', () => {
  const app = new Hono().get('/', (c) => c.text(requestSource(c)));

  it('reads the socket of @hono/node-server', async () => {
    const response = await app.request('/', {}, { incoming: { socket: { remoteAddress: '::ffff:10.0.0.7' } } });
    expect(await response.text()).toBe('10.0.0.7');
  });

  it.each([
    ['no env at all (app.request)', undefined],
    ['no socket', { incoming: {} }],
    ['a socket without address (closed)', { incoming: { socket: {} } }],
  ])('falls back to one fixed source without crashing: %s', async (_label, env) => {
    expect(await (await app.request('/', {}, env)).text()).toBe(UNKNOWN_SOURCE);
  });

  it('ignores X-Forwarded-For', async () => {
    const response = await app.request('/', { headers: { 'x-forwarded-for': '1.2.3.4' } }, { incoming: { socket: { remoteAddress: '10.0.0.7' } } });
    expect(await response.text()).toBe('10.0.0.7');
  });
});
