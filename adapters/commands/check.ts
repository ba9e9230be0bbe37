/** /check <claim>: supported, contradicted, disputed or unverified, with the evidence. */
import { defineCommand } from '../pipeline/command.js';
import { notice } from '../pipeline/reply.js';
import { emptyInput } from '../pipeline/texts.js';

export const command = defineCommand({
  name: 'check',
  kind: 'slash',
  surfaces: ['discord', 'slack', 'console', 'cli'],
  description: (w) => `Check a claim about ${w.subject} against the sources`,
  usage: '<claim>',
  example: (w) => w.claim,
  details: 'supported ✅, contradicted ❌, disputed ⚠️ or unverified ❔, with the evidence',
  textOption: 'claim',
  options: [
    {
      name: 'claim',
      type: 'text',
      required: true,
      description: (w) => (w.claim ? `e.g. ${w.claim}` : 'The claim to check'),
    },
  ],
  run: ({ text }, { engine, commandName, words, scope }) =>
    text.trim()
      ? { kind: 'verdict', verdict: engine.check(text, scope) }
      : notice(emptyInput('claim', commandName('check'), words.claim)),
});
