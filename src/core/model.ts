/**
 * The platform-neutral answer model. The core produces these; every adapter renders them.
 * Nothing here knows about Discord, Slack or terminals.
 */
import type { FactKind } from '../knowledge/schema.js';

/** Full metadata of where a cited fact comes from. `author` is the person whose words are quoted. */
export interface SourceRef {
  document: string;
  title: string;
  author: string | null;
  publisher: string | null;
  date: string | null;
  kind: string;
  post: number | null;
}

export interface Citation {
  /** 1-based marker used in the text as [n]; citations are numbered best first. */
  n: number;
  fact: string;
  statement: string;
  quote: string;
  kind: FactKind;
  topic: string;
  source: SourceRef;
  /** Set for facts moderators added through the review loop. */
  community?: CommunityMark;
}

/** Who approved a community-added fact, and when; pack facts carry none. */
export interface CommunityMark {
  approvedBy: string;
  approvedAt: string;
  /** The community (a Discord guild, a Slack workspace, a DM) whose moderators approved it: only it sees the fact. */
  tenant?: string;
}

/** Whom an answer is for: a community sees the pack and its own community-added facts, never another's. */
export interface Scope {
  tenant?: string;
}

export interface DisagreementPosition {
  label: string;
  /** Markers of the citations behind this position. */
  citations: number[];
}

export interface Disagreement {
  topic: string;
  summary: string;
  positions: DisagreementPosition[];
}

/** One sentence the bot says: always a fact's statement, with its citation marker. */
export interface Sentence {
  text: string;
  citation: number;
}

/** `chat`: the question was small talk ("hi", "help"), answered with a pointer, never with facts. */
export type AnswerStatus = 'answered' | 'no_answer' | 'chat';

export interface Answer {
  /** The question as asked, with abuse masked; safe to echo. */
  query: string;
  status: AnswerStatus;
  /** The answer sentences joined, each followed by its [n] marker; for no_answer, a short note. */
  text: string;
  sentences: Sentence[];
  citations: Citation[];
  disagreements: Disagreement[];
}

export type VerdictLabel = 'supported' | 'contradicted' | 'disputed' | 'unverified';

export interface Verdict {
  /** The claim as given, with abuse masked; safe to echo. */
  claim: string;
  verdict: VerdictLabel;
  /** One line saying why, built from the facts' own figures and statements. */
  reason: string;
  citations: Citation[];
  disagreements: Disagreement[];
}

/** A document as `/sources` lists it: its metadata, slant and how many facts it gives. */
export interface SourceSummary extends Omit<SourceRef, 'post'> {
  reliability: string;
  facts: number;
  posts: { n: number; author: string; poster: string; kind: string; facts: number }[];
}
