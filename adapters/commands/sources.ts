/** /sources [document]: the documents answers come from, or one of them in detail. */
import { cutEnd } from '../shared/cut.js';
import { defineCommand } from '../pipeline/command.js';
import { notice } from '../pipeline/reply.js';

export const command = defineCommand({
  name: 'sources',
  kind: 'slash',
  surfaces: ['discord', 'slack', 'console', 'cli'],
  description: 'List the documents I answer from, or show one in detail',
  usage: '[document id]',
  details: 'the documents, with author, date, kind and how many facts each gives',
  textOption: 'document',
  options: [
    {
      name: 'document',
      type: 'text',
      description: 'Show this document and how many facts come from it',
      // From the pack: run discord:deploy again when its documents change.
      choices: (engine) => engine.sources().map((s) => ({ name: s.title, value: s.document })),
    },
  ],
  // Listing documents runs no search, so it does not count against the cooldown.
  cooldown: false,
  run: ({ text }, { engine, commandName, scope }) => {
    // The pack's documents and those this community added; never another community's.
    const all = engine.sources(scope);
    const wanted = text.trim();
    if (!wanted) return { kind: 'sources', sources: all };
    // The full id, or the short one before "_".
    const one = all.find((s) => s.document === wanted || s.document.startsWith(`${wanted}_`));
    if (one) return { kind: 'source', source: one };
    return notice(`No source "${cutEnd(engine.safeEcho(wanted), 80)}". Use ${commandName('sources')} to list them.`);
  },
});
