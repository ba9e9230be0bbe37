/**
 * Renders a Reply as the JSON body Discord receives for a message. Pure: the same reply
 * always gives the same payload, and `npm run cli -- ask --render discord` prints exactly
 * what the bot sends.
 *
 *   renderDiscord({ kind: 'answer', answer: engine.ask('su-35 talks') })
 *   // { embeds: [{ title: 'su-35 talks', description: 'Arif Rafiq … [1] …', fields: [{ name: '[1] Arif Rafiq, …' }] }],
 *   //   allowed_mentions: { parse: [] } }
 *
 * Layout: one embed per answer or verdict. The title is the question or claim, the
 * description the cited sentences (or a verdict's one-line reason), then a ⚠ field per
 * disagreement and a field per source. Every piece of text goes through `escapeDiscord`.
 */
import type { Answer, Citation, Disagreement, SourceSummary, Verdict, VerdictLabel } from '../../src/core/model.js';
import { communityNote, KIND_LABEL, sourceByline, VERDICT_LABEL } from '../shared/describe.js';
import { fitToLimits } from '../shared/fit.js';
import type { MessageReply } from '../pipeline/reply.js';
import { feedbackRow, renderReport, renderReview } from './components-render.js';
import { embedFits, embedSize, LIMITS, withinLimits } from './limits.js';
import { escapeDiscord as esc, shorten } from './markdown.js';
import { type DiscordEmbed, type DiscordEmbedField, type DiscordReplyPayload, EPHEMERAL } from './payload.js';

export interface RenderOptions {
  /** Chosen by the caller: the private option, errors and cooldown notices. */
  ephemeral?: boolean;
  /** The record id of an answer or verdict: adds the "Helpful" / "Not helpful" buttons. */
  feedback?: number | null;
}

export const VERDICT_COLOR: Record<VerdictLabel, number> = {
  supported: 0x2e9e4f,
  contradicted: 0xd83c3e,
  disputed: 0xf0a020,
  unverified: 0x8c959f,
};
export const ANSWER_COLOR = 0x5865f2;
export const NO_ANSWER_COLOR = VERDICT_COLOR.unverified;

export function renderDiscord(reply: MessageReply, options: RenderOptions = {}): DiscordReplyPayload {
  // The moderators' report and review list have layouts of their own, always private.
  if (reply.kind === 'report') return renderReport(reply.text);
  if (reply.kind === 'review') return renderReview(reply.queue);
  const { content, embeds } = layout(reply);
  return {
    ...(content !== undefined ? { content: shorten(content, LIMITS.content) } : {}),
    embeds: withinLimits(embeds),
    ...(options.ephemeral ? { flags: EPHEMERAL } : {}),
    ...(options.feedback != null ? { components: [feedbackRow(options.feedback)] } : {}),
    allowed_mentions: { parse: [] },
  };
}

function layout(reply: Exclude<MessageReply, { kind: 'report' | 'review' }>): {
  content?: string;
  embeds: DiscordEmbed[];
} {
  switch (reply.kind) {
    case 'answer':
      return { embeds: [fitted(reply.answer, answerEmbed, LIMITS.total)] };
    case 'verdict':
      return { embeds: [fitted(reply.verdict, verdictEmbed, LIMITS.total)] };
    case 'verdicts': {
      const n = reply.verdicts.length;
      return {
        content: `Checked ${n} claim${n === 1 ? '' : 's'} from this message:`,
        embeds: sharedTotal(reply.verdicts),
      };
    }
    case 'sources':
      return { embeds: [sourcesEmbed(reply.sources)] };
    case 'source':
      return { embeds: [sourceEmbed(reply.source)] };
    case 'topics':
      return { embeds: [topicsEmbed(reply.areas)] };
    case 'help':
    case 'notice':
      return { content: esc(reply.text), embeds: [] };
  }
}

/** Drops the lowest-ranked citations whole until the embed meets every limit and its budget. */
function fitted<T extends Answer | Verdict>(item: T, render: (item: T) => DiscordEmbed, budget: number): DiscordEmbed {
  return fitToLimits(item, render, (e) => embedFits(e, budget));
}

/**
 * One embed per verdict within the 6000 characters all embeds share. Smallest first, each
 * takes what it needs up to an equal share of what is left, so a short verdict leaves its
 * unused share to the ones with more evidence.
 */
function sharedTotal(verdicts: Verdict[]): DiscordEmbed[] {
  const full = verdicts.map((v) => fitted(v, verdictEmbed, LIMITS.total));
  const smallestFirst = full.map((e, i) => ({ i, size: embedSize(e) })).sort((a, b) => a.size - b.size);
  const out: DiscordEmbed[] = [];
  let left = LIMITS.total;
  for (const [k, { i, size }] of smallestFirst.entries()) {
    const budget = Math.floor(left / (smallestFirst.length - k));
    out[i] = size <= budget ? full[i]! : fitted(verdicts[i]!, verdictEmbed, budget);
    left -= embedSize(out[i]!);
  }
  return out;
}

const title = (text: string) => shorten(esc(text), LIMITS.title);
const markers = (ns: number[]) => ns.map((n) => `[${n}]`).join(' ');

function answerEmbed(a: Answer): DiscordEmbed {
  // No answer (or chat): the note, and any related facts it mentions, with every side of their disputes.
  if (a.status !== 'answered') {
    return {
      title: title(a.query),
      description: esc(a.text),
      color: NO_ANSWER_COLOR,
      fields: [...a.disagreements.map(disagreementField), ...a.citations.map((c) => citationField(c, false))],
    };
  }
  return {
    title: title(a.query),
    description: a.sentences.map((s) => `${esc(s.text)} [${s.citation}]`).join(' '),
    color: ANSWER_COLOR,
    fields: [...a.disagreements.map(disagreementField), ...a.citations.map((c) => citationField(c, false))],
  };
}

function verdictEmbed(v: Verdict): DiscordEmbed {
  const label = VERDICT_LABEL[v.verdict];
  return {
    title: title(`${label.emoji} ${label.title}: ${v.claim}`),
    description: esc(v.reason),
    color: VERDICT_COLOR[v.verdict],
    fields: [...v.disagreements.map(disagreementField), ...v.citations.map((c) => citationField(c, true))],
  };
}

/** The ⚠ part: every position of a disputed point with its citations, so no side is left out. */
function disagreementField(d: Disagreement): DiscordEmbedField {
  const positions = d.positions.map((p) => `• ${esc(p.label)} ${markers(p.citations)}`);
  return { name: '⚠️ Sources disagree', value: [esc(d.summary), ...positions].join('\n') };
}

/**
 * One source: "[n] author, “title”, post N, date" over the verbatim quote and what kind of
 * statement it is. A community-added fact says so in the value, where a long title cannot cut it off.
 */
function citationField(c: Citation, withStatement: boolean): DiscordEmbedField {
  const statement = withStatement ? `${esc(c.statement)}\n` : '';
  const community = communityNote(c);
  return {
    name: shorten(`[${c.n}] ${esc(sourceByline(c))}`, LIMITS.fieldName),
    value: `${statement}“${esc(c.quote)}” *(${KIND_LABEL[c.kind]})*${community ? `\n🤝 ${esc(community)}` : ''}`,
  };
}

function sourceLine(s: SourceSummary): string {
  const by = [s.author ?? 'unknown author', s.publisher, s.date ?? 'undated'].filter(Boolean).join(', ');
  return `**${esc(s.title)}** — ${esc(by)} (${esc(s.kind)}; ${s.facts} fact${s.facts === 1 ? '' : 's'})`;
}

/** The document list; past the description limit it says how many more there are. */
/** The topics by area; ⚠️ marks a disputed one, with what its sources disagree on. */
function topicsEmbed(areas: Extract<MessageReply, { kind: 'topics' }>['areas']): DiscordEmbed {
  const lines = areas.flatMap(({ area, topics }) => [
    `**${esc(area)}**`,
    ...topics.map((t) => {
      const name = `${esc(t.name)} (${t.facts} fact${t.facts === 1 ? '' : 's'})`;
      return t.disagreement ? `• ⚠️ ${name}: *sources disagree:* ${esc(t.disagreement)}` : `• ${name}`;
    }),
  ]);
  const description = lines.length ? listWithin(lines, LIMITS.description) : 'The knowledge pack has no topics.';
  return { title: 'Topics', description, color: ANSWER_COLOR, fields: [] };
}

function sourcesEmbed(sources: SourceSummary[]): DiscordEmbed {
  const description = sources.length
    ? listWithin(
        sources.map((s) => `• ${sourceLine(s)}`),
        LIMITS.description,
      )
    : 'No source documents are loaded.';
  return { title: 'Sources', description, color: ANSWER_COLOR, fields: [] };
}

function sourceEmbed(s: SourceSummary): DiscordEmbed {
  const fields: DiscordEmbedField[] = [
    { name: 'Kind', value: esc(s.kind) || '—', inline: true },
    { name: 'Facts from it', value: String(s.facts), inline: true },
    { name: 'Reliability', value: esc(s.reliability) || '—' },
  ];
  if (s.posts.length) {
    const lines = s.posts.map((p) => {
      const poster = p.author !== p.poster ? ` (posted by ${esc(p.poster)})` : '';
      return `• post ${p.n}: ${esc(p.author)}${poster}, ${esc(p.kind)}, ${p.facts} fact${p.facts === 1 ? '' : 's'}`;
    });
    fields.push({ name: 'Posts', value: listWithin(lines, LIMITS.fieldValue) });
  }
  return { title: title(s.title), description: sourceLine(s), color: ANSWER_COLOR, fields };
}

/** Whole lines up to `max` characters, then how many were left out. */
function listWithin(lines: string[], max: number): string {
  const kept: string[] = [];
  for (const [i, line] of lines.entries()) {
    const rest = `…and ${lines.length - i} more.`;
    if ([...kept, line].join('\n').length > max - (i < lines.length - 1 ? rest.length + 1 : 0)) {
      kept.push(rest);
      break;
    }
    kept.push(line);
  }
  return kept.join('\n');
}
