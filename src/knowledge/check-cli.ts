/** `npm run knowledge:check [dir]`: validates a pack, printing `file:line: message` per problem. */
import { resolve } from 'node:path';
import { readArgs } from '../entry-point.js';
import { checkPack, formatProblem } from './load.js';

const USAGE =
  'usage: npm run knowledge:check [dir]\n  Validates a knowledge pack (default: $KNOWLEDGE_DIR or knowledge), one file:line per problem.';
const [given] = readArgs('knowledge:check', USAGE, {}, true).positionals;
const dir = resolve(given ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const problems = checkPack(dir);
if (problems.length > 0) {
  for (const p of problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error(`knowledge:check: ${problems.length} problem(s); the pack would be refused.`);
  process.exit(1);
}
console.log(`knowledge:check: ${dir} is sound.`);
