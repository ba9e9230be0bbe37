/**
 * Renders replies for a terminal: the same answer model as chat, with citations, the
 * disagreement block and verdict colours. Pure: colour is an option, not a global.
 */
import type { Answer, Citation, Disagreement, SourceSummary, Verdict } from '../../src/core/model.js';
import { byline, KIND_LABEL, VERDICT_LABEL } from '../shared/describe.js';
import type { MessageReply } from '../pipeline/reply.js';
import type { ReviewQueue } from '../shared/moderation/review.js';
import { REVIEW_EMPTY, reviewMore } from '../shared/moderation/texts.js';

export interface ConsoleStyle {
  color: boolean;
}

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36, gray: 90 } as const;
type Tone = keyof typeof CODES;

const VERDICT_TONE: Record<Verdict['verdict'], Tone> = {
  supported: 'green',
  contradicted: 'red',
  disputed: 'yellow',
  unverified: 'gray',
};

export function renderConsole(reply: MessageReply, style: ConsoleStyle): string {
  const paint = (tone: Tone, text: string) => (style.color ? `\x1b[${CODES[tone]}m${text}\x1b[0m` : text);
  switch (reply.kind) {
    case 'answer':
      return answer(reply.answer, paint);
    case 'verdict':
      return verdict(reply.verdict, paint);
    case 'verdicts':
      return reply.verdicts.map((v) => verdict(v, paint)).join('\n\n');
    case 'sources':
      return reply.sources.map((s) => source(s, paint, false)).join('\n');
    case 'source':
      return source(reply.source, paint, true);
    case 'help':
    case 'notice':
    case 'report':
      return reply.text;
    case 'review':
      return review(reply.queue, paint);
    case 'topics':
      return topics(reply.areas, paint);
  }
}

/** The topics by area; ⚠ marks a disputed one, with what its sources disagree on. */
function topics(areas: Extract<MessageReply, { kind: 'topics' }>['areas'], paint: Paint): string {
  if (areas.length === 0) return 'The knowledge pack has no topics.';
  return areas
    .flatMap(({ area, topics }) => [
      paint('bold', area),
      ...topics.map((t) => {
        const name = `${t.name} (${t.facts} fact${t.facts === 1 ? '' : 's'}) ${paint('gray', t.id)}`;
        return t.disagreement ? paint('yellow', `  ⚠ ${name}: sources disagree: ${t.disagreement}`) : `  ${name}`;
      }),
    ])
    .join('\n');
}

function review(q: ReviewQueue, paint: Paint): string {
  const items = q.items.map((p) =>
    [paint('bold', p.heading), p.statement, `  “${p.quote}”`, `  ${p.source}`, paint('gray', `  ${p.proposed}`)].join(
      '\n',
    ),
  );
  const lines = [q.note, q.items.length ? null : REVIEW_EMPTY, ...items, q.more ? reviewMore(q.more) : null];
  return lines.filter((l): l is string => l !== null).join('\n');
}

type Paint = (tone: Tone, text: string) => string;

function answer(a: Answer, paint: Paint): string {
  if (a.status !== 'answered') {
    // No answer (or chat): the note, and any related facts it mentions, with every side of their disputes.
    if (a.citations.length === 0) return paint('gray', a.text);
    return [
      paint('gray', a.text),
      ...disagreements(a.disagreements, paint),
      '',
      paint('bold', 'Related sources'),
      ...citations(a.citations, paint),
    ].join('\n');
  }
  const lines = [a.sentences.map((s) => `${s.text} ${paint('cyan', `[${s.citation}]`)}`).join(' ')];
  lines.push(...disagreements(a.disagreements, paint), '', paint('bold', 'Sources'), ...citations(a.citations, paint));
  return lines.join('\n');
}

function verdict(v: Verdict, paint: Paint): string {
  const label = VERDICT_LABEL[v.verdict];
  const lines = [
    `${paint(VERDICT_TONE[v.verdict], paint('bold', `${label.emoji} ${label.title.toUpperCase()}`))}  ${v.claim}`,
    v.reason,
  ];
  lines.push(...disagreements(v.disagreements, paint));
  if (v.citations.length) lines.push('', paint('bold', 'Evidence'), ...citations(v.citations, paint, true));
  return lines.join('\n');
}

function disagreements(ds: Disagreement[], paint: Paint): string[] {
  return ds.flatMap((d) => [
    '',
    paint('yellow', paint('bold', `⚠ Sources disagree: ${d.summary}`)),
    ...d.positions.map((p) => paint('yellow', `  • ${p.label} ${p.citations.map((n) => `[${n}]`).join(' ')}`)),
  ]);
}

function citations(cs: Citation[], paint: Paint, withStatement = false): string[] {
  return cs.flatMap((c) => [
    `${paint('cyan', `[${c.n}]`)} ${withStatement ? `${c.statement}\n    ` : ''}“${c.quote}”`,
    `    ${paint('gray', `— ${byline(c)} (${KIND_LABEL[c.kind]})`)}`,
  ]);
}

function source(s: SourceSummary, paint: Paint, detailed: boolean): string {
  const head = `${paint('bold', s.title)} — ${s.author ?? 'unknown author'}, ${s.publisher ?? 'unknown publisher'}, ${s.date ?? 'undated'} (${s.kind}; ${s.facts} facts) ${paint('gray', s.document)}`;
  if (!detailed) return head;
  const posts = s.posts.map(
    (p) =>
      `  post ${p.n}: ${p.author}${p.author !== p.poster ? ` (posted by ${p.poster})` : ''}, ${p.kind}, ${p.facts} facts`,
  );
  return [head, `  ${s.reliability}`, ...posts].join('\n');
}
