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
import type { MessageReply } from '../pipeline/reply.js';
import {
  clampText,
  escapeSlack,
  MAX_BLOCKS,
  MAX_TEXT,
  type SlackBlock,
  type SlackMessage,
  type SlackText,
} from './blocks.js';
import { feedbackBlock, renderSlackReport, renderSlackReview } from './components-render.js';

export { clampText, escapeSlack, MAX_BLOCKS, MAX_TEXT } from './blocks.js';
export type { SlackBlock, SlackButton, SlackMessage, SlackText } from './blocks.js';

const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text: text || ' ', verbatim: true });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): SlackBlock => ({ type: 'context', elements: [mrkdwn(text)] });
const marker = (n: number) => `[${n}]`;

export interface SlackRenderOptions {
  /** The record id of an answer or verdict: adds the "Helpful" / "Not helpful" buttons, within the block limit. */
  feedback?: number | null;
}

export function renderSlack(reply: MessageReply, options: SlackRenderOptions = {}): SlackMessage {
  // The moderators' report and review list have layouts of their own.
  if (reply.kind === 'report') return renderSlackReport(reply.text);
  if (reply.kind === 'review') return renderSlackReview(reply.queue);
  const extra = options.feedback != null ? [feedbackBlock(options.feedback)] : [];
  const room = MAX_BLOCKS - extra.length;
  const { blocks, fallback } = layout(reply, room);
  const message = finish(blocks, fallback, room);
  return extra.length ? { ...message, blocks: [...message.blocks, ...extra] } : message;
}

function layout(
  reply: Exclude<MessageReply, { kind: 'report' | 'review' }>,
  room: number,
): { blocks: SlackBlock[]; fallback: string } {
  switch (reply.kind) {
    case 'answer':
      return { blocks: fitted(reply.answer, answerBlocks, room), fallback: answerFallback(reply.answer) };
    case 'verdict':
      return { blocks: fitted(reply.verdict, verdictBlocks, room), fallback: verdictLine(reply.verdict) };
    case 'verdicts':
      return { blocks: verdictsBlocks(reply.verdicts, room), fallback: reply.verdicts.map(verdictLine).join('\n') };
    case 'sources':
      return { blocks: sourcesBlocks(reply.sources), fallback: `${reply.sources.length} source documents` };
    case 'source':
      return { blocks: [section(sourceDetail(reply.source))], fallback: reply.source.title };
    case 'topics':
      return { blocks: topicsBlocks(reply.areas), fallback: `Topics in ${reply.areas.length} areas` };
    case 'help':
    case 'notice':
      return { blocks: [section(escapeSlack(reply.text))], fallback: reply.text };
  }
}

/** Applies the hard limits last, whatever the layout did: Slack refuses the whole message otherwise. */
function finish(blocks: SlackBlock[], fallback: string, room = MAX_BLOCKS): SlackMessage {
  const clamp = (t: SlackText): SlackText => ({ ...t, text: clampText(t.text) });
  return {
    text: clampText(escapeSlack(fallback)),
    blocks: blocks
      .slice(0, room)
      .map((b) =>
        b.type === 'section'
          ? { ...b, text: clamp(b.text) }
          : b.type === 'context'
            ? { ...b, elements: b.elements.map(clamp) }
            : b,
      ),
  };
}

/** Drops the lowest-ranked citations whole until the blocks fit `maxBlocks` and every text fits. */
function fitted<T extends Answer | Verdict>(
  item: T,
  render: (item: T) => SlackBlock[],
  maxBlocks: number,
): SlackBlock[] {
  return fitToLimits(item, render, (blocks) => blocks.length <= maxBlocks && blocks.every(textsFit));
}

function textsFit(block: SlackBlock): boolean {
  if (block.type === 'section') return block.text.text.length <= MAX_TEXT;
  if (block.type === 'context') return block.elements.every((e) => e.text.length <= MAX_TEXT);
  return true;
}

function answerBlocks(a: Answer): SlackBlock[] {
  // No answer (or chat): the note, and any related facts it mentions, with every side of their disputes.
  if (a.status !== 'answered')
    return [
      section(escapeSlack(a.text)),
      ...disagreementBlocks(a.disagreements),
      ...a.citations.map((c) => citationBlock(c, false)),
    ];
  const sentences = a.sentences.map((s) => `${escapeSlack(s.text)} ${marker(s.citation)}`).join(' ');
  return [
    section(sentences),
    ...disagreementBlocks(a.disagreements),
    ...a.citations.map((c) => citationBlock(c, false)),
  ];
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

/** Several verdicts share the blocks evenly, each fitted on its own, divided by rules. */
function verdictsBlocks(verdicts: Verdict[], room: number): SlackBlock[] {
  const head = section(`Checked ${verdicts.length} claim${verdicts.length === 1 ? '' : 's'} from this message:`);
  const budget = Math.floor((room - 1) / Math.max(verdicts.length, 1)) - 1;
  return [
    head,
    ...verdicts.flatMap((v, i) => [
      ...(i > 0 ? [{ type: 'divider' } as const] : []),
      ...fitted(v, verdictBlocks, budget),
    ]),
  ];
}

/** The ⚠ block: every position of a disputed point with its citations, so no side is left out. */
function disagreementBlocks(ds: Disagreement[]): SlackBlock[] {
  return ds.map((d) =>
    section(
      [
        `⚠️ *Sources disagree:* ${escapeSlack(d.summary)}`,
        ...d.positions.map((p) => `• ${escapeSlack(p.label)} ${p.citations.map(marker).join(' ')}`),
      ].join('\n'),
    ),
  );
}

/** One context block per citation: marker, quote, and who said it where and when. */
function citationBlock(c: Citation, withStatement: boolean): SlackBlock {
  const statement = withStatement ? `${escapeSlack(c.statement)} ` : '';
  return context(
    `*${marker(c.n)}* ${statement}“${escapeSlack(c.quote)}” — ${escapeSlack(byline(c))} _(${KIND_LABEL[c.kind]})_`,
  );
}

/** The document list, packed into as few sections as the text limit allows. */
function sourcesBlocks(sources: SourceSummary[]): SlackBlock[] {
  if (sources.length === 0) return [section('No source documents are loaded.')];
  return packed(sources.map((s) => `• ${sourceLine(s)}`));
}

/** The topics by area; ⚠️ marks a disputed one, with what its sources disagree on. */
function topicsBlocks(areas: Extract<MessageReply, { kind: 'topics' }>['areas']): SlackBlock[] {
  if (areas.length === 0) return [section('The knowledge pack has no topics.')];
  const lines = areas.flatMap(({ area, topics }) => [
    `*${escapeSlack(area)}*`,
    ...topics.map((t) => {
      const facts = `${t.facts} fact${t.facts === 1 ? '' : 's'}`;
      const name = `${escapeSlack(t.name)} (${facts}) \`${escapeSlack(t.id)}\``;
      return t.disagreement ? `• ⚠️ ${name}: _sources disagree:_ ${escapeSlack(t.disagreement)}` : `• ${name}`;
    }),
  ]);
  return packed(lines);
}

/** Lines packed into as few sections as the text limit allows; past the block limit, how many more. */
function packed(lines: string[]): SlackBlock[] {
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
