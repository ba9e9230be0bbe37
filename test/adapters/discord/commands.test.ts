/** The command registry: one declaration per command in adapters/commands, each checked for its shape when loaded. */
import { ApplicationCommandType } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { discordDefinitions } from '../../../adapters/discord/definitions.js';
import { parseCommandModule, SURFACES } from '../../../adapters/pipeline/command.js';
import { loadRegistry } from '../../../adapters/pipeline/registry.js';
import type { Engine } from '../../../src/core/engine.js';
import { loadEngine } from './harness.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

const run = () => ({ kind: 'notice' as const, text: '' });
const slash = (over: object = {}) => ({
  command: { name: 'ask', kind: 'slash', surfaces: ['console'], description: 'Ask', run, ...over },
});

describe('the command registry', () => {
  it('loads every declaration in adapters/commands, each offered somewhere and runnable', async () => {
    const registry = await loadRegistry();
    const names = registry.commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'check', 'sources', 'help', 'Check claims', 'crosscheck']));
    for (const c of registry.commands) {
      expect(typeof c.run).toBe('function');
      expect(c.surfaces.length).toBeGreaterThan(0);
      for (const s of c.surfaces) expect(SURFACES).toContain(s);
    }
    expect(registry.find('sources', 'discord')?.cooldown).toBe(false);
    expect(registry.find('crosscheck', 'slack')).toMatchObject({ cooldown: false, followsChannel: false });
    expect(registry.find('crosscheck', 'console')).toBeUndefined();
  });

  it('accepts a well-formed declaration', () => {
    expect(parseCommandModule(slash(), 'ok.ts').name).toBe('ask');
    expect(parseCommandModule(slash({ kind: 'message', name: 'Check claims' }), 'ok.ts').name).toBe('Check claims');
  });

  it.each([
    ['no run', { command: { name: 'ask', kind: 'slash', surfaces: ['console'], description: 'Ask' } }, /run/],
    ['an uppercase slash command name', slash({ name: 'Ask' }), /lowercase/],
    ['no surface', slash({ surfaces: [] }), /surfaces/],
    ['an unknown surface', slash({ surfaces: ['irc'] }), /surfaces/],
    ['an option name with a space', slash({ options: [{ name: 'a b', type: 'text', description: 'x' }] }), /options/],
    ['a text option that is not one of its options', slash({ textOption: 'question' }), /textOption/],
    ['no export named command', { ask: slash().command }, /not a command/],
  ])('refuses a declaration with %s, naming the file', (_what, exports, problem) => {
    expect(() => parseCommandModule(exports, 'bad.ts')).toThrow(/^bad\.ts: /);
    expect(() => parseCommandModule(exports, 'bad.ts')).toThrow(problem);
  });

  it('derives Discord definitions within Discord’s limits, in the pack’s words', async () => {
    const defs = discordDefinitions(await loadRegistry(), engine);
    const subject = engine.pack.meta.name;
    const ask = defs.find((d) => d.name === 'ask');
    expect(ask?.type === ApplicationCommandType.ChatInput && ask.description).toContain(subject);
    for (const d of defs) {
      if (d.type !== ApplicationCommandType.ChatInput) continue;
      expect(d.description.length).toBeLessThanOrEqual(100);
      for (const o of d.options ?? []) {
        expect(o.description.length).toBeLessThanOrEqual(100);
        if ('choices' in o && o.choices) expect(o.choices.length).toBeLessThanOrEqual(25);
      }
    }
  });
});
