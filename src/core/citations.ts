/**
 * Builds citations and disagreement blocks from facts. Shared by answers and verdicts, so
 * both say where sources disagree in exactly the same way.
 */
import type { Pack } from '../knowledge/load.js';
import type { Fact, Topic } from '../knowledge/schema.js';
import type { Citation, CommunityMark, Disagreement, SourceRef } from './model.js';

export type { CommunityMark } from './model.js';

export class CitationBuilder {
  private readonly citations: Citation[] = [];
  private readonly byFact = new Map<string, number>();
  /** Disagreements shown though no cited fact brings them (see attach). */
  private readonly attached = new Set<Topic>();

  constructor(
    private readonly pack: Pack,
    private readonly community: ReadonlyMap<string, CommunityMark>,
    private readonly disputes: DisputeIndex,
  ) {}

  /** The marker of a fact already cited, else undefined. */
  markerOf(fact: Fact): number | undefined {
    return this.byFact.get(fact.id);
  }

  /** The marker for a fact, citing it if it is not cited yet. */
  cite(fact: Fact): number {
    const known = this.byFact.get(fact.id);
    if (known) return known;
    const n = this.citations.length + 1;
    const mark = this.community.get(fact.id);
    this.citations.push({
      n,
      fact: fact.id,
      statement: fact.statement,
      quote: displayQuote(fact.quote),
      kind: fact.kind,
      topic: fact.topic,
      source: sourceRef(this.pack, fact),
      ...(mark ? { community: mark } : {}),
    });
    this.byFact.set(fact.id, n);
    return n;
  }

  /** Shows a disagreement, every side cited, though no fact cited so far takes a side in it. */
  attach(topic: Topic): void {
    this.attached.add(topic);
  }

  get list(): Citation[] {
    return this.citations;
  }

  /**
   * The disagreements behind the cited facts, with every position cited. Positions are
   * cited even when their facts ranked low, so no one sees one side of a disputed point.
   * `rankOf` orders a position's facts so the most relevant ones are cited first; `brings`
   * says whether a cited fact brings a disagreement it takes a side in (attached ones are shown).
   */
  disagreements(
    lookup: (id: string) => Fact | undefined,
    rankOf: (id: string) => number,
    brings: (topic: Topic) => boolean = () => true,
    perPosition = 2,
  ): Disagreement[] {
    const topics = new Map<string, Topic>([...this.attached].map((t) => [t.id, t]));
    // A cited passage that holds a curated fact's quote stands for that fact: its disagreements
    // are shown, and the fact is not cited a second time beside it.
    const standsFor = new Map<string, number>();
    for (const c of [...this.citations]) {
      for (const topic of this.disputes.of(c.fact)) if (brings(topic)) topics.set(topic.id, topic);
      for (const id of this.disputes.sameAs(c.fact)) if (!this.byFact.has(id)) standsFor.set(id, c.n);
    }
    const out: Disagreement[] = [];
    for (const topic of [...topics.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      const d = topic.disagreement!;
      out.push({
        topic: topic.id,
        summary: d.summary,
        positions: d.positions.map((p) => {
          const facts = p.facts.map(lookup).filter((f): f is Fact => !!f);
          const alreadyCited = facts.filter((f) => this.byFact.has(f.id) || standsFor.has(f.id));
          // Each fact's rank once: a rank may read the fact's words, and a sort compares each fact many times.
          const rank = new Map(facts.map((f) => [f.id, rankOf(f.id)]));
          const ranked = [...facts].sort((a, b) => rank.get(b.id)! - rank.get(a.id)!);
          const chosen =
            alreadyCited.length >= perPosition
              ? alreadyCited.slice(0, perPosition)
              : [...new Set([...alreadyCited, ...ranked])].slice(0, perPosition);
          const markers = chosen.map((f) => standsFor.get(f.id) ?? this.cite(f));
          return { label: p.label, citations: [...new Set(markers)].sort((a, b) => a - b) };
        }),
      });
    }
    return out;
  }
}

/**
 * How a fact ranks for what was asked, to order a disagreement position's facts: a hit keeps
 * its own rank (never below 0); a fact the search left out, a side the block brings in, ranks
 * below every hit, by the share of the asked concepts (each one's terms, its aliases among
 * them) its words hold. So a position cites its fact on the point asked ("any sort of
 * strategic partnership" for "are they strategic partners"), not the first its topic lists.
 */
export function rankForAsked(
  ranks: ReadonlyMap<string, number>,
  asked: readonly (readonly string[])[],
  termsOf: (id: string) => ReadonlySet<string> | undefined,
): (id: string) => number {
  return (id) => {
    const rank = ranks.get(id);
    if (rank !== undefined) return rank;
    const held = termsOf(id);
    if (!held || asked.length === 0) return -1;
    return -1 + asked.filter((concept) => concept.some((t) => held.has(t))).length / asked.length / 2;
  };
}

/**
 * The quote as a reader sees it in the document: the captures kept link markup as
 * "[words](#)" and superscripts as "<sup>st</sup>", which are not part of the words.
 */
export function displayQuote(quote: string): string {
  return quote.replace(/\[([^\]]*)\]\(#\)/g, '$1').replace(/<\/?sup>/g, '');
}

/** Which disputed topics each fact belongs to, computed once per pack. */
export class DisputeIndex {
  private readonly byFact = new Map<string, Topic[]>();

  /**
   * `sameAs`: the curated facts a passage holds the quote of; a passage is a side wherever
   * they are.
   */
  constructor(
    topics: Iterable<Topic>,
    readonly sameAs: (id: string) => readonly string[] = () => [],
  ) {
    for (const t of topics) {
      if (!t.disagreement) continue;
      for (const p of t.disagreement.positions) {
        for (const id of p.facts) {
          const list = this.byFact.get(id) ?? [];
          if (!list.includes(t)) list.push(t);
          this.byFact.set(id, list);
        }
      }
    }
  }

  /**
   * Disputed topics whose positions name the fact. A fact that is only filed under a disputed
   * topic is not a side of its dispute: showing the dispute beside it would be padding.
   */
  of(factId: string): Topic[] {
    const own = this.byFact.get(factId) ?? [];
    const held = this.sameAs(factId).flatMap((id) => this.byFact.get(id) ?? []);
    return held.length ? [...new Set([...own, ...held])] : own;
  }
}

export function sourceRef(pack: Pack, fact: Fact): SourceRef {
  const doc = pack.documents.get(fact.source.document);
  const post = doc?.posts?.find((p) => p.n === fact.source.post);
  return {
    document: fact.source.document,
    title: doc?.title ?? fact.source.document,
    author: post?.author ?? doc?.author ?? null,
    publisher: doc?.publisher ?? null,
    date: post ? post.date : (doc?.date ?? null),
    kind: post ? `forum post (${post.kind})` : (doc?.kind ?? 'unknown'),
    post: fact.source.post ?? null,
  };
}
