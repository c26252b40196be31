/**
 * Who the client is. Behind a reverse proxy every connection comes from the proxy, so the client's own
 * address is in X-Forwarded-For — but that header is written by whoever sends the request, so it is
 * believed only from the proxies named by `--trust-proxy` / JIXIAO_TRUST_PROXY. Read right to left, the
 * first address that is not a trusted proxy is the client (entries further left were sent by the client
 * itself and can be anything).
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { type Failure, failure, ok, type Result } from '../core/result.ts';

export type TrustedProxies = { readonly list: BlockList; readonly spec: string };

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is its IPv4 address. */
const plain = (address: string): string => {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
};

/**
 * Parses a comma-separated list of addresses and CIDR blocks (`127.0.0.1, 10.0.0.0/8, ::1`); `loopback`
 * stands for 127.0.0.0/8 and ::1. The error names the entry that is neither.
 */
export const parseTrustedProxies = (spec: string): Result<TrustedProxies, Failure<'invalid'>> => {
  const list = new BlockList();
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > max))
    )
      return failure(
        'invalid',
        `--trust-proxy 中的「${entry}」不是 IP 地址或网段（如 127.0.0.1、10.0.0.0/8）`,
        `not an address or CIDR block: ${entry}`,
      );
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return ok({ list, spec });
};

const trusted = (proxies: TrustedProxies | null, address: string): boolean => {
  if (!proxies) return false;
  const family = isIP(address);
  return family !== 0 && proxies.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/** The client's address given the socket's peer and the X-Forwarded-For header (pure, for tests). */
export const resolveClient = (
  peer: string,
  forwardedFor: string | undefined,
  proxies: TrustedProxies | null,
): string => {
  let client = plain(peer);
  if (!trusted(proxies, client) || !forwardedFor) return client;
  const hops = forwardedFor
    .split(',')
    .map((h) => plain(h.trim()))
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return client; // garbage: stop at the last address we could believe
    client = hop;
    if (!trusted(proxies, hop)) return client;
  }
  return client;
};

export const peerAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/** The eight hextets of an IPv6 address (`::` expanded); null when it is not one. */
const hextets = (address: string): string[] | null => {
  if (isIP(address) !== 6) return null;
  const [head = '', tail] = address.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4 was made plain above; others are rare) counts as two hextets.
  const fill = 8 - left.length - right.length - right.filter((h) => h.includes('.')).length;
  return [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right];
};

/**
 * What throttling counts a client by: its IPv4 address, or the /64 network of its IPv6 address — one
 * host usually holds a whole /64, and would otherwise get a fresh count per address.
 */
export const throttleKey = (client: string): string => {
  const h = hextets(client);
  return h
    ? `${h
        .slice(0, 4)
        .map((x) => x.toLowerCase().replace(/^0+(?=.)/, ''))
        .join(':')}::/64`
    : client;
};
