/** `npm run knowledge:check [dir]`: validates a pack, printing `file:line: message` per problem. */
import { resolve } from 'node:path';
import { checkPack, formatProblem } from './load.js';

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const problems = checkPack(dir);
if (problems.length > 0) {
  for (const p of problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error(`knowledge:check: ${problems.length} problem(s); the pack would be refused.`);
  process.exit(1);
}
console.log(`knowledge:check: ${dir} is sound.`);
