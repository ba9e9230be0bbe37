/** /ask <question>: a cited answer, or a plain "I don't know"; suggestions while typing on Discord. */
import { defineCommand } from '../pipeline/command.js';
import { notice } from '../pipeline/reply.js';
import { emptyInput } from '../pipeline/texts.js';

export const command = defineCommand({
  name: 'ask',
  kind: 'slash',
  surfaces: ['discord', 'slack', 'console', 'cli'],
  description: (w) => `Ask about ${w.subject}; the answer cites its sources`,
  usage: '<question>',
  example: (w) => w.question,
  details:
    'a cited answer, with a ⚠ block where sources disagree; `private:true` (Discord) or `/ask private …` (Slack) answers only you',
  textOption: 'question',
  options: [
    {
      name: 'question',
      type: 'text',
      required: true,
      suggest: true,
      description: (w) => (w.question ? `e.g. ${w.question}` : 'What you want to know'),
    },
    { name: 'private', type: 'boolean', description: 'Show the answer only to you' },
  ],
  run: ({ text }, { engine, commandName, words, scope }) =>
    text.trim()
      ? { kind: 'answer', answer: engine.ask(text, scope) }
      : notice(emptyInput('question', commandName('ask'), words.question)),
});
