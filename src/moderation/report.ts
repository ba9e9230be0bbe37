/**
 * The moderators' report over the last N days: where the bot failed and which facts
 * people found unhelpful. Platform-neutral data; `formatReport` gives plain text.
 *
 *   const r = await report(store, 'discord:g1', 7, { statementOf: (id) => engine.fact(id)?.statement });
 *   console.log(formatReport(r));
 */
import { terms } from '../core/tokens.js';
import type { CommandCount, FactVotes, Store, TextCount } from '../store/index.js';

/** Questions (or claims) worded alike, counted together. */
export interface WordingGroup {
  /** The most frequent wording of the group. */
  text: string;
  count: number;
  /** Every wording in the group with its count, most frequent first, at most five. */
  variants: TextCount[];
}

export interface Report {
  days: number;
  since: string;
  generatedAt: string;
  /** `ask` questions the pack had no answer for, grouped by similar wording. */
  noAnswer: WordingGroup[];
  /** `check` claims judged unverified, grouped the same way. */
  unverified: WordingGroup[];
  /** Facts cited in answers that drew "Not helpful" votes, most first. */
  notHelpful: (FactVotes & { statement: string | null })[];
  /** Interactions per command, with their outcomes. */
  commands: CommandCount[];
  total: number;
  /** Disagreements the engine found between the sources that no curated topic holds yet, for a moderator to confirm. */
  found: { summary: string; sides: string[] }[];
}

export interface ReportOptions {
  /** Most entries in each list (default 10). */
  limit?: number;
  /** A fact's statement, for the not-helpful list (e.g. `id => engine.fact(id)?.statement`). */
  statementOf?: (factId: string) => string | undefined;
  /** Masks user-typed text (vote reasons) before it is shown, e.g. `engine.safeEcho`. */
  mask?: (text: string) => string;
  /** The commands whose no_answer and unverified records count (default ask and check). */
  askCommands?: string[];
  checkCommands?: string[];
  /** Disagreements found between the sources and not yet curated (e.g. `engine.found`). */
  found?: readonly { summary: string; positions: readonly { label: string }[] }[];
}

/** Least Jaccard similarity of two wordings' term sets for them to count as one question. */
export const SIMILAR = 0.5;

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

const byCountThenText = (a: TextCount, b: TextCount) =>
  b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Groups wordings whose search terms (stop words dropped, stemmed, as the index sees them)
 * overlap by at least `threshold`. Deterministic: the most frequent wording opens a group;
 * each next one joins the first group whose opening wording is similar enough.
 */
export function groupByWording(items: readonly TextCount[], threshold = SIMILAR): WordingGroup[] {
  const groups: { key: Set<string>; blank: string | null; members: TextCount[] }[] = [];
  // Counts per exact text first: the same text may come from several rows.
  const merged = new Map<string, number>();
  for (const i of items) merged.set(i.text, (merged.get(i.text) ?? 0) + i.count);
  const sorted = [...merged].map(([text, count]) => ({ text, count })).sort(byCountThenText);
  for (const item of sorted) {
    const key = new Set(terms(item.text));
    // Text with no terms at all ("???") groups only with the same text, lowercased.
    const blank = key.size === 0 ? item.text.toLowerCase().trim() : null;
    const home = groups.find((g) =>
      blank !== null ? g.blank === blank : g.blank === null && jaccard(g.key, key) >= threshold,
    );
    if (home) home.members.push(item);
    else groups.push({ key, blank, members: [item] });
  }
  return groups
    .map((g) => ({
      text: g.members[0]!.text,
      count: g.members.reduce((n, m) => n + m.count, 0),
      variants: g.members.slice(0, 5),
    }))
    .sort((a, b) => b.count - a.count || byCountThenText(a, b));
}

/** Builds one community's report over the last `days` days. */
export async function report(store: Store, tenant: string, days: number, options: ReportOptions = {}): Promise<Report> {
  const limit = options.limit ?? 10;
  const now = new Date();
  const since = new Date(now.getTime() - days * 86_400_000);
  const texts = async (commands: string[], outcome: string) =>
    (await Promise.all(commands.map((c) => store.outcomeTexts(tenant, c, outcome, since)))).flat();
  const [noAnswer, unverified, notHelpful, commands] = await Promise.all([
    texts(options.askCommands ?? ['ask'], 'no_answer'),
    texts(options.checkCommands ?? ['check', 'check_message'], 'unverified'),
    store.notHelpfulFacts(tenant, since, limit),
    store.commandCounts(tenant, since),
  ]);
  const mask = options.mask ?? ((s: string) => s);
  return {
    days,
    since: since.toISOString(),
    generatedAt: now.toISOString(),
    noAnswer: groupByWording(noAnswer).slice(0, limit),
    unverified: groupByWording(unverified).slice(0, limit),
    notHelpful: notHelpful.map((f) => ({
      ...f,
      reasons: f.reasons.map(mask),
      statement: options.statementOf?.(f.fact) ?? null,
    })),
    commands,
    total: commands.reduce((n, c) => n + c.count, 0),
    found: (options.found ?? [])
      .slice(0, limit)
      .map((d) => ({ summary: d.summary, sides: d.positions.map((p) => p.label) })),
  };
}

/** The report as plain text, one section per list; for the CLI and as a base for chat replies. */
export function formatReport(r: Report): string {
  const lines = [
    `Report for the last ${r.days} day${r.days === 1 ? '' : 's'} (${r.total} interaction${r.total === 1 ? '' : 's'})`,
  ];
  const groups = (title: string, list: WordingGroup[]) => {
    lines.push('', title);
    if (!list.length) lines.push('  (none)');
    list.forEach((g, i) => {
      lines.push(`  ${i + 1}. ${g.count}× “${g.text}”`);
      for (const v of g.variants.slice(1)) lines.push(`       also ${v.count}× “${v.text}”`);
    });
  };
  groups('Questions without an answer:', r.noAnswer);
  groups('Claims most often unverified:', r.unverified);
  lines.push('', 'Facts with the most “Not helpful” votes:');
  if (!r.notHelpful.length) lines.push('  (none)');
  r.notHelpful.forEach((f, i) => {
    lines.push(
      `  ${i + 1}. ${f.fact}: ${f.notHelpful} not helpful, ${f.helpful} helpful${f.statement ? ` — ${f.statement}` : ''}`,
    );
    for (const reason of f.reasons) lines.push(`       “${reason}”`);
  });
  lines.push('', 'Disagreements found between the sources, not yet confirmed (npm run knowledge:disagreements):');
  if (!r.found.length) lines.push('  (none)');
  r.found.forEach((d, i) => {
    lines.push(`  ${i + 1}. ${d.summary}`);
    for (const side of d.sides) lines.push(`       • ${side}`);
  });
  lines.push('', 'Commands:');
  if (!r.commands.length) lines.push('  (none)');
  for (const c of r.commands) {
    const outcomes = Object.entries(c.outcomes)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([o, n]) => `${o} ${n}`)
      .join(', ');
    lines.push(`  ${c.command}: ${c.count} (${outcomes})`);
  }
  return lines.join('\n');
}
