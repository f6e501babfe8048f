import { describe, expect, it } from 'vitest';
import { IdentityCache } from './identity-cache.ts';

describe('the per-process copy of sessions and accounts', () => {
  it('keeps nothing until it listens, and nothing once the listener is lost', () => {
    const cache = new IdentityCache();
    cache.keep('sessions', 'a', { id: 'a' }, 'u1', cache.generation());
    expect(cache.get('sessions', 'a')).toBeUndefined();
    cache.listening();
    cache.keep('sessions', 'a', { id: 'a' }, 'u1', cache.generation());
    expect(cache.get('sessions', 'a')).toEqual({ id: 'a' });
    cache.lost();
    expect(cache.get('sessions', 'a')).toBeUndefined();
    cache.keep('sessions', 'a', { id: 'a' }, 'u1', cache.generation());
    expect(cache.size()).toBe(0);
  });

  it('does not keep a copy read before a change was announced', () => {
    const cache = new IdentityCache();
    cache.listening();
    const readAt = cache.generation();
    // The database announces a change while the read is under way: what was read may predate it.
    cache.changed('user:u1');
    cache.keep('actors', 'u1', { role: 'analyst' }, 'u1', readAt);
    expect(cache.get('actors', 'u1')).toBeUndefined();
  });

  it('forgets every copy about an account when the account changes, and only those', () => {
    const cache = new IdentityCache();
    cache.listening();
    const at = cache.generation();
    cache.keep('sessions', 's1', { userId: 'u1' }, 'u1', at);
    cache.keep('tokens', 't1', { userId: 'u1' }, 'u1', at);
    cache.keep('actors', 'u1', { userId: 'u1' }, 'u1', at);
    cache.keep('actors', 'u2', { userId: 'u2' }, 'u2', at);
    cache.changed('user:u1');
    expect([cache.get('sessions', 's1'), cache.get('tokens', 't1'), cache.get('actors', 'u1')]).toEqual([undefined, undefined, undefined]);
    expect(cache.get('actors', 'u2')).toEqual({ userId: 'u2' });
    // A notice about one session touches nothing else; `all` (a table emptied) forgets everything.
    cache.changed('session:unknown');
    expect(cache.get('actors', 'u2')).toEqual({ userId: 'u2' });
    cache.changed('all');
    expect(cache.get('actors', 'u2')).toBeUndefined();
  });

  it('on a database other processes write to, serves copies only while the identity epoch stands still, listener or not', async () => {
    const cache = new IdentityCache();
    cache.listening({ otherProcessesWrite: true });
    expect(cache.confirmsEachRequest).toBe(true);
    let epoch = 7;
    await cache.confirm(async () => epoch);
    cache.keep('sessions', 's1', { userId: 'u1' }, 'u1', cache.generation());
    await cache.confirm(async () => epoch);
    expect(cache.get('sessions', 's1')).toEqual({ userId: 'u1' });
    // Another process signed out: its transaction moved the epoch; its notice has not come yet.
    epoch = 8;
    await cache.confirm(async () => epoch);
    expect(cache.get('sessions', 's1')).toBeUndefined();
    // With the listener down, copies are still kept, since each request checks the epoch.
    cache.lost();
    cache.keep('sessions', 's1', { userId: 'u1' }, 'u1', cache.generation());
    await cache.confirm(async () => epoch);
    expect(cache.get('sessions', 's1')).toEqual({ userId: 'u1' });
  });

  it('on the embedded database (one process), asks for no epoch', () => {
    const cache = new IdentityCache();
    cache.listening();
    expect(cache.confirmsEachRequest).toBe(false);
  });

  it('shares one epoch read among requests that arrive while another is under way, never one that started before them', async () => {
    const cache = new IdentityCache();
    cache.listening({ otherProcessesWrite: true });
    const reads: ((epoch: number) => void)[] = [];
    const readEpoch = () => new Promise<number>((resolve) => reads.push(resolve));
    const first = cache.confirm(readEpoch);
    // Three requests arrive while the first read is out: they wait for a read that starts after it.
    const waiting = [cache.confirm(readEpoch), cache.confirm(readEpoch), cache.confirm(readEpoch)];
    expect(reads).toHaveLength(1);
    reads[0]?.(1);
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(2);
    cache.keep('sessions', 's1', { userId: 'u1' }, 'u1', cache.generation());
    // The second read sees a change committed after the first read started.
    reads[1]?.(2);
    await Promise.all(waiting);
    expect(cache.get('sessions', 's1')).toBeUndefined();
  });
});
