import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClient, throttleKey } from './client-address.ts';

const proxies = (spec: string) => {
  const r = parseTrustedProxies(spec);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('client address', () => {
  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(resolveClient('198.51.100.7', '203.0.113.1', null)).toBe('198.51.100.7');
    expect(resolveClient('198.51.100.7', '203.0.113.1', proxies('127.0.0.1'))).toBe('198.51.100.7');
    expect(resolveClient('127.0.0.1', '203.0.113.1', proxies('127.0.0.1'))).toBe('203.0.113.1');
    expect(resolveClient('::ffff:127.0.0.1', '203.0.113.1', proxies('loopback'))).toBe('203.0.113.1');
  });

  it('takes the rightmost address no trusted proxy wrote: what the client sends itself is not believed', () => {
    const p = proxies('127.0.0.1, 10.0.0.0/8');
    expect(resolveClient('127.0.0.1', '1.2.3.4, 203.0.113.1, 10.1.2.3', p)).toBe('203.0.113.1');
    expect(resolveClient('127.0.0.1', '10.0.0.5, 10.0.0.6', p)).toBe('10.0.0.5');
    expect(resolveClient('127.0.0.1', 'junk, 203.0.113.9', p)).toBe('203.0.113.9');
    expect(resolveClient('127.0.0.1', '203.0.113.9, junk', p)).toBe('127.0.0.1');
    expect(resolveClient('127.0.0.1', undefined, p)).toBe('127.0.0.1');
  });

  it('refuses an entry that is neither an address nor a block, naming it in Chinese', () => {
    const r = parseTrustedProxies('127.0.0.1, proxy.local');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^--trust-proxy 中的「proxy\.local」不是 IP 地址或网段/);
    expect(parseTrustedProxies('10.0.0.0/33').ok).toBe(false);
    expect(parseTrustedProxies('fd00::/8, ::1').ok).toBe(true);
  });

  it('counts an IPv6 client by its /64 network, an IPv4 one by its address', () => {
    expect(throttleKey('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('::1')).toBe('0:0:0:0::/64');
    expect(throttleKey('unknown')).toBe('unknown');
  });
});
