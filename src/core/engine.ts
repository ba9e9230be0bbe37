/**
 * The core: answers questions and checks claims from a knowledge pack. Pure TypeScript,
 * no network, no platform library. Every adapter calls this and renders what it returns.
 *
 *   const engine = Engine.fromDir('knowledge');
 *   engine.ask('when did russia lift the arms embargo');   // Answer: cited sentences, disagreements
 *   engine.check('Russia lifted its arms embargo in 2010'); // Verdict: contradicted, with the facts
 */
import { loadPack, type LoadedDocument, type Pack } from '../knowledge/load.js';
import type { Fact } from '../knowledge/schema.js';
import { wordMatcher } from '../knowledge/text.js';
import { CitationBuilder, DisputeIndex, type CommunityMark } from './citations.js';
import { ClaimReader, compare } from './claims.js';
import { rule } from './verdict.js';
import { FactIndex, type Hit } from './fact-index.js';
import type { Answer, Citation, SourceSummary, Verdict } from './model.js';
import { canonical, terms } from './tokens.js';

export interface EngineOptions {
  /** Most facts an answer states. Default 5. */
  maxFacts?: number;
  /** Least share of a question's weighted words a fact must cover to be said. Default 0.5. */
  minCoverage?: number;
  /** A fact joins the answer if it ranks at least this share of the best one. Default 0.2. */
  relativeRank?: number;
  /** Least coverage for a fact to count as stating or denying a claim. Default 0.6. */
  supportCoverage?: number;
}

const DEFAULTS: Required<EngineOptions> = { maxFacts: 5, minCoverage: 0.5, relativeRank: 0.2, supportCoverage: 0.6 };
const MAX_ECHO = 1000;

export class Engine {
  readonly pack: Pack;
  private readonly index: FactIndex;
  private readonly disputes: DisputeIndex;
  private readonly reader: ClaimReader;
  private readonly abuse: RegExp | null;
  private readonly options: Required<EngineOptions>;
  private readonly community = new Map<string, CommunityMark>();

  static fromDir(dir: string, options?: EngineOptions): Engine {
    return new Engine(loadPack(dir), options);
  }

  constructor(pack: Pack, options: EngineOptions = {}) {
    this.pack = pack;
    this.options = { ...DEFAULTS, ...options };
    const topicNames = new Map([...pack.topics.values()].map((t) => [t.id, t.name]));
    this.index = new FactIndex(pack.facts, topicNames, pack.aliases);
    this.disputes = new DisputeIndex(pack.topics.values());
    // Multi-word names that contain a party's name without being it ("Pakistan Stream").
    const partyWords = new Set(Object.values(pack.meta.parties).flat().map(canonical));
    const properNames = pack.aliases.flat().map(canonical).filter((a) => a.includes(' ') && !partyWords.has(a));
    this.reader = new ClaimReader(pack.meta.parties, pack.meta.negations, properNames, (text) => this.index.analyzer.terms(text));
    this.abuse = wordMatcher(pack.meta.denylist, 'giu');
  }

  get factCount(): number {
    return this.index.size;
  }

  /** Answers a question with cited facts, or says plainly that the pack has no answer. */
  ask(question: string): Answer {
    const query = this.safeEcho(question);
    const hits = this.relevant(question, this.options.minCoverage);
    if (hits.length === 0) {
      return { query, status: 'no_answer', text: this.noAnswerNote(), sentences: [], citations: [], disagreements: [] };
    }
    const builder = this.builder();
    const sentences = hits.map((h) => ({ text: h.fact.statement, citation: builder.cite(h.fact) }));
    const disagreements = builder.disagreements((id) => this.index.get(id), rankLookup(hits));
    return {
      query,
      status: 'answered',
      text: sentences.map((s) => `${s.text} [${s.citation}]`).join(' '),
      sentences,
      citations: builder.list,
      disagreements,
    };
  }

  /** Checks one claim against the pack: supported, contradicted, disputed or unverified. */
  check(claimText: string): Verdict {
    const claim = this.safeEcho(claimText);
    // Relevance is judged on what the claim is about, not on its figures: a wrong year must
    // still find the fact that gives the right one.
    const subject = claimText.replace(/(?<![\p{L}\d-])\d[\d.,]*\s*%?/gu, ' ');
    const hits = this.relevant(subject, this.options.minCoverage * 0.8, 8);
    if (hits.length === 0) {
      return { claim, verdict: 'unverified', reason: 'Nothing in the sources covers this claim.', citations: [], disagreements: [] };
    }
    const reading = this.reader.read(claimText);
    const judged = hits.map((hit) => ({
      hit,
      comparison: compare(reading, this.reader.readFact(hit.fact)),
      strong: hit.coverage >= this.options.supportCoverage,
    }));
    const ruling = rule(judged, this.disputes);

    const builder = this.builder();
    for (const j of [...ruling.basis, ...judged].slice(0, this.options.maxFacts)) builder.cite(j.hit.fact);
    const disagreements = builder.disagreements((id) => this.index.get(id), rankLookup(hits));
    const markers = ruling.basis.slice(0, 3).map((j) => builder.cite(j.hit.fact)).join(', ');
    const REASON: Record<Verdict['verdict'], string> = {
      supported: `Supported: ${ruling.why} [${markers}].`,
      contradicted: `Contradicted: ${ruling.why} [${markers}].`,
      disputed: `Disputed: ${ruling.why} [${markers}]`,
      unverified: 'Unverified: the sources touch on this subject but do not state the claim.',
    };
    return { claim, verdict: ruling.verdict, reason: REASON[ruling.verdict], citations: builder.list, disagreements };
  }

  /** Checks each checkable sentence of a message, at most `max`. */
  checkMessage(text: string, max = 5): Verdict[] {
    const sentences = text
      .split(/(?<=[.!?;])\s+|\n+/)
      .map((s) => s.trim())
      .filter((s) => !s.endsWith('?') && terms(s).length >= 3);
    return sentences.slice(0, max).map((s) => this.check(s));
  }

  /** The documents of the pack, with how many facts each gives. */
  sources(): SourceSummary[] {
    const counts = new Map<string, number>();
    for (const f of this.index.all()) {
      const key = `${f.source.document}#${f.source.post ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      counts.set(f.source.document, (counts.get(f.source.document) ?? 0) + 1);
    }
    return [...this.pack.documents.values()].map((d) => ({
      document: d.id,
      title: d.title,
      author: d.author,
      publisher: d.publisher,
      date: d.date,
      kind: d.kind,
      reliability: d.reliability,
      facts: counts.get(d.id) ?? 0,
      posts: (d.posts ?? []).map((p) => ({ n: p.n, author: p.author, poster: p.poster, kind: p.kind, facts: counts.get(`${d.id}#${p.n}`) ?? 0 })),
    }));
  }

  /** One fact as a citation, or undefined. */
  fact(id: string): Citation | undefined {
    const fact = this.index.get(id);
    return fact ? this.citeAlone(fact) : undefined;
  }

  /** Every fact, as citations, in pack order. */
  facts(): Citation[] {
    return [...this.index.all()].map((f) => this.citeAlone(f));
  }

  /** Suggestions for a partly typed question: topic names the index can answer, at most 25. */
  suggest(partial: string, limit = 25): string[] {
    const words = this.index.suggest(partial, 5);
    const seen = new Set<string>();
    for (const text of [partial, ...words]) {
      for (const h of this.index.search(this.index.query(text), 15)) {
        const name = this.pack.topics.get(h.fact.topic)?.name;
        if (name) seen.add(name);
        if (seen.size >= limit) return [...seen];
      }
    }
    return [...seen];
  }

  /**
   * Adds a document that a moderator-approved fact cites, so citations name its title and
   * author. A document the pack already has is kept as it is.
   */
  addDocument(document: LoadedDocument): void {
    if (!this.pack.documents.has(document.id)) this.pack.documents.set(document.id, document);
  }

  /** Adds (or replaces) a moderator-approved fact in the live index. */
  addCommunityFact(fact: Fact, mark: CommunityMark): void {
    this.index.upsert(fact);
    this.community.set(fact.id, mark);
  }

  /** Masks abuse and bounds the length of user text that the bot echoes. */
  safeEcho(text: string): string {
    const oneLine = text.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, ' ').replace(/\s+/g, ' ').trim();
    // Cut first and mask after, so a cut word ("Paki|stan…") is masked as well; never cut a surrogate pair in half.
    const end = /[\uD800-\uDBFF]/.test(oneLine[MAX_ECHO - 2] ?? '') ? MAX_ECHO - 2 : MAX_ECHO - 1;
    const cut = oneLine.length > MAX_ECHO ? `${oneLine.slice(0, end)}…` : oneLine;
    return this.abuse ? cut.replace(this.abuse, (w) => '*'.repeat(Math.min(w.length, 8))) : cut;
  }

  private relevant(text: string, minCoverage: number, max = this.options.maxFacts): Hit[] {
    const hits = this.index.search(this.index.query(text.slice(0, 2000)));
    const best = hits[0];
    if (!best || best.coverage < minCoverage) return [];
    const chosen: Hit[] = [];
    for (const h of hits) {
      if (chosen.length >= max) break;
      if (h.coverage < minCoverage || h.rank < best.rank * this.options.relativeRank) continue;
      if (chosen.some((c) => c.fact.quote === h.fact.quote)) continue;
      chosen.push(h);
    }
    return chosen;
  }

  private builder(): CitationBuilder {
    return new CitationBuilder(this.pack, this.community, this.disputes);
  }

  private citeAlone(fact: Fact): Citation {
    const b = this.builder();
    b.cite(fact);
    return b.list[0]!;
  }

  private noAnswerNote(): string {
    return `I don't have a sourced answer to that. I only answer from my sources, which cover ${this.pack.meta.covers}`;
  }
}

function rankLookup(hits: Hit[]): (id: string) => number {
  const ranks = new Map(hits.map((h) => [h.fact.id, h.rank]));
  return (id) => ranks.get(id) ?? 0;
}
