/**
 * Renders a Reply as a Slack message: Block Kit blocks plus the plain `text` fallback
 * Slack shows in notifications. Pure: the same reply always gives the same payload, and
 * `npm run cli -- ask --render slack` prints exactly what the bot sends.
 *
 *   renderSlack({ kind: 'answer', answer: engine.ask('su-35 talks') })
 *   // { text: 'Russia and Pakistan …', blocks: [{ type: 'section', … }, { type: 'context', … }] }
 *
 * Every piece of text goes through `escapeSlack`, so nothing a user typed (or a source
 * quoted) can form a mention, a broadcast or a link.
 */
import type { Answer, Citation, Disagreement, SourceSummary, Verdict } from '../../src/core/model.js';
import { byline, KIND_LABEL, VERDICT_LABEL } from '../shared/describe.js';
import { fitToLimits } from '../shared/fit.js';
import type { Reply } from '../shared/requests.js';

/** Slack's limits: blocks per message, and characters per section or context text. */
export const MAX_BLOCKS = 50;
export const MAX_TEXT = 3000;

/** mrkdwn with `verbatim`, so Slack does not auto-link names or parse mentions in it. */
export interface SlackText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

export type SlackBlock =
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** Plain fallback for notifications and clients without Block Kit. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * Escapes Slack's control characters, so `<!channel>`, `<@U…>` or `<http://…|…>` in user
 * text shows as typed instead of pinging or linking. Broadcast words get a word joiner
 * after the @ as well, in case a client ever parses them without angle brackets.
 */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u2060$1');
}

/** Cuts an escaped text to `max` characters without splitting an entity such as `&amp;`. */
export function clampText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '')}…`;
}

const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text: text || ' ', verbatim: true });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): SlackBlock => ({ type: 'context', elements: [mrkdwn(text)] });
const marker = (n: number) => `[${n}]`;

export function renderSlack(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case 'answer':
      return finish(fitted(reply.answer, answerBlocks, MAX_BLOCKS), answerFallback(reply.answer));
    case 'verdict':
      return finish(fitted(reply.verdict, verdictBlocks, MAX_BLOCKS), verdictLine(reply.verdict));
    case 'verdicts':
      return finish(verdictsBlocks(reply.verdicts), reply.verdicts.map(verdictLine).join('\n'));
    case 'sources':
      return finish(sourcesBlocks(reply.sources), `${reply.sources.length} source documents`);
    case 'source':
      return finish([section(sourceDetail(reply.source))], reply.source.title);
    case 'help':
    case 'notice':
      return finish([section(escapeSlack(reply.text))], reply.text);
  }
}

/** Applies the hard limits last, whatever the layout did: Slack refuses the whole message otherwise. */
function finish(blocks: SlackBlock[], fallback: string): SlackMessage {
  const clamp = (t: SlackText): SlackText => ({ ...t, text: clampText(t.text) });
  return {
    text: clampText(escapeSlack(fallback)),
    blocks: blocks.slice(0, MAX_BLOCKS).map((b) =>
      b.type === 'section' ? { ...b, text: clamp(b.text) } : b.type === 'context' ? { ...b, elements: b.elements.map(clamp) } : b,
    ),
  };
}

/** Drops the lowest-ranked citations whole until the blocks fit `maxBlocks` and every text fits. */
function fitted<T extends Answer | Verdict>(item: T, render: (item: T) => SlackBlock[], maxBlocks: number): SlackBlock[] {
  return fitToLimits(item, render, (blocks) => blocks.length <= maxBlocks && blocks.every(textsFit));
}

function textsFit(block: SlackBlock): boolean {
  if (block.type === 'section') return block.text.text.length <= MAX_TEXT;
  if (block.type === 'context') return block.elements.every((e) => e.text.length <= MAX_TEXT);
  return true;
}

function answerBlocks(a: Answer): SlackBlock[] {
  if (a.status === 'no_answer') return [section(escapeSlack(a.text))];
  const sentences = a.sentences.map((s) => `${escapeSlack(s.text)} ${marker(s.citation)}`).join(' ');
  return [section(sentences), ...disagreementBlocks(a.disagreements), ...a.citations.map((c) => citationBlock(c, false))];
}

function answerFallback(a: Answer): string {
  return a.status === 'answered' ? a.sentences.map((s) => `${s.text} ${marker(s.citation)}`).join(' ') : a.text;
}

function verdictBlocks(v: Verdict): SlackBlock[] {
  const label = VERDICT_LABEL[v.verdict];
  const head = `${label.emoji} *${label.title}:* ${escapeSlack(v.claim)}\n${escapeSlack(v.reason)}`;
  return [section(head), ...disagreementBlocks(v.disagreements), ...v.citations.map((c) => citationBlock(c, true))];
}

function verdictLine(v: Verdict): string {
  const label = VERDICT_LABEL[v.verdict];
  return `${label.emoji} ${label.title}: ${v.claim} — ${v.reason}`;
}

/** Several verdicts share the 50 blocks evenly, each fitted on its own, divided by rules. */
function verdictsBlocks(verdicts: Verdict[]): SlackBlock[] {
  const head = section(`Checked ${verdicts.length} claim${verdicts.length === 1 ? '' : 's'} from this message:`);
  const budget = Math.floor((MAX_BLOCKS - 1) / Math.max(verdicts.length, 1)) - 1;
  return [head, ...verdicts.flatMap((v, i) => [...(i > 0 ? [{ type: 'divider' } as const] : []), ...fitted(v, verdictBlocks, budget)])];
}

/** The ⚠ block: every position of a disputed point with its citations, so no side is left out. */
function disagreementBlocks(ds: Disagreement[]): SlackBlock[] {
  return ds.map((d) =>
    section([`⚠️ *Sources disagree:* ${escapeSlack(d.summary)}`, ...d.positions.map((p) => `• ${escapeSlack(p.label)} ${p.citations.map(marker).join(' ')}`)].join('\n')),
  );
}

/** One context block per citation: marker, quote, and who said it where and when. */
function citationBlock(c: Citation, withStatement: boolean): SlackBlock {
  const statement = withStatement ? `${escapeSlack(c.statement)} ` : '';
  return context(`*${marker(c.n)}* ${statement}“${escapeSlack(c.quote)}” — ${escapeSlack(byline(c))} _(${KIND_LABEL[c.kind]})_`);
}

/** The document list, packed into as few sections as the text limit allows. */
function sourcesBlocks(sources: SourceSummary[]): SlackBlock[] {
  if (sources.length === 0) return [section('No source documents are loaded.')];
  const lines = sources.map((s) => `• ${sourceLine(s)}`);
  const blocks: SlackBlock[] = [];
  let current = '';
  for (const [i, line] of lines.entries()) {
    if (current && current.length + 1 + line.length > MAX_TEXT) {
      if (blocks.length === MAX_BLOCKS - 1) {
        blocks.push(section(`…and ${lines.length - i} more.`));
        return blocks;
      }
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  blocks.push(section(current));
  return blocks;
}

function sourceLine(s: SourceSummary): string {
  const by = [s.author ?? 'unknown author', s.publisher, s.date ?? 'undated'].filter(Boolean).join(', ');
  return `*${escapeSlack(s.title)}* — ${escapeSlack(by)} (${escapeSlack(s.kind)}; ${s.facts} facts) \`${escapeSlack(s.document)}\``;
}

function sourceDetail(s: SourceSummary): string {
  const posts = s.posts.map((p) => {
    const poster = p.author !== p.poster ? ` (posted by ${escapeSlack(p.poster)})` : '';
    return `• post ${p.n}: ${escapeSlack(p.author)}${poster}, ${escapeSlack(p.kind)}, ${p.facts} facts`;
  });
  return [sourceLine(s), escapeSlack(s.reliability), ...posts].join('\n');
}
