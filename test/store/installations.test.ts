/** Installations sealed at rest, one-time OAuth states, and the AES-256-GCM box they use. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installations, OneTimeStates } from '../../src/store/installations.js';
import { parseKey, SecretBox } from '../../src/store/secret-box.js';
import type { Store } from '../../src/store/index.js';
import { backends } from './backends.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, for the same context only', () => {
    const sealed = box.seal('xoxb-secret-token', 'slack:T1');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('xoxb');
    expect(box.open(sealed, 'slack:T1')).toBe('xoxb-secret-token');
    expect(() => box.open(sealed, 'slack:T2')).toThrow();
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('refuses an altered value and another key', () => {
    const sealed = box.seal('xoxb-secret-token', 'slack:T1');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`, 'slack:T1')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'slack:T1')).toThrow();
    expect(() => box.open('plain text', 'slack:T1')).toThrow();
  });

  it('reads a key as 64 hex digits or base64 of 32 bytes, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString('hex'))).toEqual(key);
    expect(parseKey(key.toString('base64'))).toEqual(key);
    expect(parseKey('short')).toBeNull();
    expect(parseKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(() => new SecretBox(randomBytes(16))).toThrow();
  });
});

describe.each(backends('installs'))('installations on $name', (backend) => {
  let store: Store;
  const box = new SecretBox(randomBytes(32));
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('keeps one installation per tenant, sealed, replaced on reinstall, gone when removed', async () => {
    const installs = new Installations(store, box);
    await installs.save('slack:T1', { bot: { token: 'xoxb-first' } });
    await installs.save('slack:T1', { bot: { token: 'xoxb-second' } });
    await installs.save('slack:T2', { bot: { token: 'xoxb-other' } });
    expect(await installs.get('slack:T1')).toEqual({ bot: { token: 'xoxb-second' } });
    expect(await installs.count()).toBe(2);
    const rows = await store.query<{ sealed: string }>('SELECT sealed FROM installations');
    for (const r of rows) expect(r.sealed).not.toContain('xoxb');
    expect(await installs.remove('slack:T1')).toBe(true);
    expect(await installs.remove('slack:T1')).toBe(false);
    expect(await installs.get('slack:T1')).toBeUndefined();
    expect(await installs.get('slack:T2')).toEqual({ bot: { token: 'xoxb-other' } });
  });

  it('honours a state once, and never one it did not hand out or that expired', async () => {
    const states = new OneTimeStates(store);
    await states.remember('state-a', 600);
    await states.remember('state-old', 0);
    expect(await states.use('state-a')).toBe(true);
    expect(await states.use('state-a')).toBe(false);
    expect(await states.use('never-given')).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(await states.use('state-old')).toBe(false);
    const kept = await store.query<{ state_hash: string }>('SELECT state_hash FROM oauth_states');
    expect(kept.every((r) => !r.state_hash.includes('state'))).toBe(true);
  });
});
