/**
 * `npm run knowledge:disagreements [-- --pack DIR] [--json]`: the disagreements found in a
 * pack's sources, each with its sides and their quotes, and the YAML that confirms it as a
 * curated topic. Found ones that a curated topic already covers are marked as such.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cachedDisagreements } from '../core/found-disagreements-cache.js';
import type { FoundDisagreement } from '../core/found-disagreements.js';
import { isPassage, passageFact } from '../core/passage-facts.js';
import { formatProblem, loadPack, PackError, type Pack } from '../knowledge/load.js';
import type { Fact } from '../knowledge/schema.js';
import { topicSnippet } from './found-topics.js';
import { displayQuote, sourceRef } from '../core/citations.js';

const HELP = `Usage: npm run knowledge:disagreements -- [--pack DIR] [--json]

Lists the disagreements found in a pack's sources: two sources that give the same subject a
different year, amount, share or count, or one that reports a thing and another that denies,
disputes or doubts it, or judges it the opposite way, or says it is done where another says
it is still pending. Each comes with its sides, the quotes behind them, and YAML to paste
into topics.yaml (and a fact file) to confirm it.

Options:
  --pack DIR   the pack (default: $KNOWLEDGE_DIR or knowledge)
  --json       one JSON object instead of text
  -h, --help   this help
`;

function main(): number {
  const { values } = parseArgs({
    options: { pack: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const pack = loadPack(resolve(values.pack ?? process.env.KNOWLEDGE_DIR ?? 'knowledge'));
  const units = [...pack.facts, ...pack.passages.map((p) => passageFact(p, pack.documents.get(p.document)!))];
  const byId = new Map(units.map((u) => [u.id, u]));
  const found = cachedDisagreements(units, pack);
  const curated = curatedFacts(pack);
  const listed = found.map((d) => ({
    ...d,
    curated: d.positions
      .flatMap((p) => p.units)
      .flatMap((id) => curated.get(id) ?? [])
      .filter((t, i, all) => all.indexOf(t) === i),
    snippet: topicSnippet(d, byId, new Set(pack.topics.keys())),
  }));
  if (values.json) {
    const quoteOf = (id: string) => ({
      id,
      kind: isPassage(byId.get(id)!) ? 'passage' : 'fact',
      quote: displayQuote(byId.get(id)!.quote),
      source: sourceRef(pack, byId.get(id)!),
    });
    process.stdout.write(
      `${JSON.stringify({ pack: pack.dir, found: listed.map((d) => ({ ...d, positions: d.positions.map((p) => ({ ...p, units: p.units.map(quoteOf) })) })) }, null, 2)}\n`,
    );
    return 0;
  }
  process.stdout.write(`${found.length} disagreement(s) found in ${pack.dir}\n`);
  listed.forEach((d, i) => {
    process.stdout.write(`\n${describe(i + 1, d, byId, pack)}\n`);
  });
  return 0;
}

/** For each fact a curated topic's positions name, the topics. */
function curatedFacts(pack: Pack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of pack.topics.values())
    for (const p of t.disagreement?.positions ?? [])
      for (const id of p.facts) out.set(id, [...(out.get(id) ?? []), t.id]);
  return out;
}

function describe(
  n: number,
  d: FoundDisagreement & { curated: string[]; snippet: ReturnType<typeof topicSnippet> },
  byId: ReadonlyMap<string, Fact>,
  pack: Pack,
): string {
  const lines = [`${n}. ${d.summary}  [${d.id}, ${d.kind}]`];
  if (d.curated.length) lines.push(`   (its facts are sides of curated topic(s): ${d.curated.join(', ')})`);
  for (const p of d.positions) {
    lines.push(`   • ${p.label}`);
    for (const id of p.units) {
      const unit = byId.get(id)!;
      const source = sourceRef(pack, unit);
      const where = [source.author, `“${source.title}”`, source.post ? `post ${source.post}` : null]
        .filter(Boolean)
        .join(', ');
      lines.push(`       [${id}] “${displayQuote(unit.quote).replace(/\s+/g, ' ')}” — ${where}`);
    }
  }
  lines.push('   To confirm it, add to topics.yaml under `topics:`:', indent(d.snippet.topic, 6));
  if (d.snippet.facts)
    lines.push(
      '   and to a fact file under `facts:` (edit each statement to one plain sentence):',
      indent(d.snippet.facts, 6),
    );
  return lines.join('\n');
}

const indent = (text: string, by: number): string =>
  text
    .split('\n')
    .map((l) => ' '.repeat(by) + l)
    .join('\n');

try {
  process.exit(main());
} catch (e) {
  // A pack's problems one a line, as knowledge:check gives them; anything else in one line.
  const lines =
    e instanceof PackError ? e.problems.map(formatProblem) : [`${(e as Error).message ?? e}`.split('\n')[0]];
  process.stderr.write(lines.map((l) => `knowledge:disagreements: ${l}\n`).join(''));
  process.exit(1);
}
