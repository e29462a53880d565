/**
 * The source of a request, as the login throttle keys it: the remote address of the TCP socket
 * (getConnInfo), never X-Forwarded-For, which any client can write. IPv6 addresses are grouped by /64,
 * the block one subscriber gets, so an attacker cannot take a fresh address for every try. Without a
 * socket (app.request in tests, an adapter without `incoming`) every request shares one fixed source:
 * the throttle then works node-wide instead of crashing.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export const UNKNOWN_SOURCE = 'unknown';

export function requestSource(c: Context): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // getConnInfo reads c.env.incoming.socket, absent outside @hono/node-server
    address = undefined;
  }
  return address ? sourceKey(address) : UNKNOWN_SOURCE;
}

/** `1.2.3.4` as is; `::ffff:1.2.3.4` as `1.2.3.4`; other IPv6 addresses as their /64 (`2001:db8:0:1::/64`). */
export function sourceKey(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!bare.includes(':')) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1];
  const groups = ipv6Groups(bare);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : bare;
}

/** The eight 16-bit groups of an IPv6 address (without leading zeros), or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parts = (half: string | undefined) => (half ? half.split(':') : []);
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  const last = tail.length > 0 ? tail : head;
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(last[last.length - 1] ?? '');
  if (ipv4) {
    const [a, b, c, d] = ipv4.slice(1).map(Number);
    last.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16).toString(16));
}
