/**
 * The core: answers questions and checks claims from a knowledge pack. Pure TypeScript,
 * no network, no platform library. Every adapter calls this and renders what it returns.
 *
 *   const engine = Engine.fromDir('knowledge');
 *   engine.ask('when did russia lift the arms embargo');   // Answer: cited sentences, disagreements
 *   engine.check('Russia lifted its arms embargo in 2010'); // Verdict: contradicted, with the facts
 */
import { loadPack, passageTableOf, type LoadedDocument, type Pack } from '../knowledge/load.js';
import type { PassageTable } from '../knowledge/passages.js';
import type { Fact, Topic } from '../knowledge/schema.js';
import { wordMatcher } from '../knowledge/text.js';
import { CitationBuilder, DisputeIndex, rankForAsked, sourceRef, type CommunityMark } from './citations.js';
import { ClaimReader, type Reading, withoutAttribution } from './claims.js';
import { askedOf, askedTerms, type Asked } from './answer-type.js';
import {
  asksCount,
  asksFigure,
  differenceBearsOn,
  type FigureSide,
  figureGiven,
  figureSides,
  figuresSummary,
} from './figure-disagreement.js';
import { ahead, compose } from './compose.js';
import { NUMBER_WORDS } from './figures.js';
import { heldFigure, offeredFigures, withoutFigure } from './offered-figures.js';
import { Covered, isPassage, PassageFacts, publisherName } from './passage-facts.js';
import { ofWriting, sourceWriting, writingWords } from './writing.js';
import { definedAbbreviations, initials, spellOut } from './abbreviations.js';
import { Lexicon } from './lexicon.js';
import { asTopic, FOUND_AREA, type FoundDisagreement } from './found-disagreements.js';
import { cachedDisagreements } from './found-disagreements-cache.js';
import { actorsOf } from './parties.js';
import { Point } from './question-point.js';
import { PublisherWords } from './publisher-words.js';
import { anotherDoer, askedDoers, deedFirst, hidesDoer, joinsDeed } from './question-roles.js';
import { documentAnswer, documentFact, documentOf } from './document-questions.js';
import { readQuestion, type AnswerType, type Chat } from './question.js';
import { comparable, JUDGED, REPORTED, rule, weigh, type Evidence, type Ruling } from './verdict.js';
import { rivalFigure } from './rival-figures.js';
import { countsDeed, namesDeed, nounDeeds } from './told-deed.js';
import { measuredNames, measuresElsewhere, measuresIn } from './quantity-noun.js';
import { FactIndex, type Hit, type Query } from './fact-index.js';
import { SavedIndex, savedOrBuilt } from './index-store.js';
import { KeptWork } from './kept-work.js';
import type { Answer, Citation, Disagreement, Scope, SourceSummary, Verdict } from './model.js';
import { canonical, terms } from './tokens.js';

/** How a no-answer note names what the sources do not give. */
const ASKED_FOR: Record<AnswerType, string> = {
  date: 'when',
  day: 'on what day',
  money: 'how much it cost',
  percent: 'what share',
  count: 'how many',
  amount: 'how much',
  person: 'who',
  place: 'where',
  cause: 'why',
  name: 'the name',
  definition: 'what it is',
  kind: 'which one',
  frequency: 'how often',
};

export interface EngineOptions {
  /** Most facts an answer states. Default 3. */
  maxFacts?: number;
  /** A fact must cover more than this share of a question's weighted words to be said. Default 0.5. */
  minCoverage?: number;
  /** A fact joins the answer if it ranks at least this share of the best one. Default 0.2. */
  relativeRank?: number;
  /** Least coverage for a fact to count as stating or denying a claim. Default 0.6. */
  supportCoverage?: number;
  /**
   * Find disagreements between the sources at construction (cached between starts). Default
   * true. The benchmark turns it off on its big synthetic packs: finding reads every unit
   * with WordNet and compares the pairs sharing rare words, which takes minutes there, and it
   * is timed on its own (`npm run bench:disagreements`).
   */
  findDisagreements?: boolean;
}

const DEFAULTS: Required<EngineOptions> = {
  maxFacts: 3,
  minCoverage: 0.5,
  relativeRank: 0.2,
  supportCoverage: 0.6,
  findDisagreements: true,
};
/** How many matching facts a question's answer is chosen from. */
/** The most passages whose names are read for initials on a question's first unknown short word (see spelledOut). */
const INITIALS_MAX_PASSAGES = 50_000;
const CANDIDATES = 12;
/** The facts a claim is weighed against, found by its subject and again by its figures. */
const CLAIM_FACTS = 8;
/** The facts read for another figure for a supported claim's point (see rivalled). */
const RIVAL_FACTS = 30;
/** The facts ranked below a figure question's answer read for another side (see figureSidesOf)… */
const FIGURE_FACTS = 30;
/**
 * …each covering at least this share of the least coverage an answer needs: little, since a
 * sentence of a source on one subject seldom names it again ("the death of 5,295 people" in a
 * piece on the Bhopal leak), and its figure's clause must tell the deed asked about besides.
 */
const FURTHER_COVERAGE = 0.1;
/** How many facts giving one offered figure are cited for its side (see offeredSides)… */
const OFFERED_FACTS = 2;
/** …each covering this share of the least coverage an answer needs: the exact figure offered ties a fact to the question as much as most of its words. */
const OFFERED_COVERAGE = 0.6;
/** The most leading hits read for who does what in them (see byRoles). */
const ROLE_READS = 3;
const MAX_ECHO = 1000;
/** Queries whose hits are kept: one question's. */
const SEARCHES_KEPT = 2;

export class Engine {
  readonly pack: Pack;
  private readonly index: FactIndex;
  private readonly disputes: DisputeIndex;
  private readonly reader: ClaimReader;
  private readonly abuse: RegExp | null;
  private readonly options: Required<EngineOptions>;
  private readonly community = new Map<string, CommunityMark>();
  /** The community each added document belongs to; the pack's own have none. */
  private readonly documentTenant = new Map<string, string>();
  /** The last queries' hits (see searched): a question's query is searched by more than one step. */
  private readonly searches = new KeptWork<Query, Hit[]>(SEARCHES_KEPT);
  /** Disagreements found between the sources, beside the curated ones. */
  readonly found: readonly FoundDisagreement[];
  /** Passages (by fact id) that curated facts quote: the fact is said instead. */
  private readonly covered: Covered;
  /** The pack's passages by position (see passageTableOf). */
  private readonly passages: PassageTable;
  /** The same passages as facts, for what a verdict reads around one (see factReading). */
  private readonly passageFacts: PassageFacts;
  /** Initials of the names the sources write out, made on the first question that needs them. */
  private initials: Map<string, string> | undefined;
  /** The terms of the sources' authors' names, made on the first question that needs them (see pointOf). */
  private authors: Set<string> | undefined;
  private publishers: PublisherWords | undefined;
  /** The terms of the documents' titles: what the sources are about (see elsewhere). */
  private subjectTerms: Set<string> | undefined;
  /** The words naming the kinds of the pack's documents, to the kind (see writing.ts). */
  private writing: Map<string, string> | undefined;

  /** The pack in `dir`, its index read back when saved for the same files, else built and saved (see index-store.ts). */
  static fromDir(dir: string, options?: EngineOptions): Engine {
    const saved = SavedIndex.of(dir);
    return new Engine(loadPack(dir, { passages: (documents) => saved.passages(documents) }), options, saved);
  }

  /** `saved`: the pack's saved index, for a pack exactly as `loadPack` read it (see fromDir). */
  constructor(pack: Pack, options: EngineOptions = {}, saved?: SavedIndex) {
    this.pack = pack;
    this.options = { ...DEFAULTS, ...options };
    const topicNames = new Map([...pack.topics.values()].map((t) => [t.id, t.name]));
    // Every sentence of every source is citable beside the curated facts.
    this.passages = passageTableOf(pack);
    const passages = new PassageFacts(this.passages, pack.documents);
    this.passageFacts = passages;
    this.covered = new Covered(pack.facts, passages);
    this.index = savedOrBuilt(saved, this.passages, (stored) => {
      const abbreviations = stored?.abbreviations ?? definedAbbreviations(pack.passages.map((p) => p.text));
      const aliases = withAbbreviations(pack.aliases, abbreviations);
      return { index: new FactIndex(pack.facts, topicNames, aliases, {}, passages, stored?.postings), abbreviations };
    });
    // Disagreements curated in topics.yaml, and those found between the sources' own figures,
    // denials and judgements where no curated one already takes the same sides.
    const curated = new Set(
      [...pack.topics.values()].flatMap((t) => t.disagreement?.positions.flatMap((p) => p.facts) ?? []),
    );
    const candidates = this.options.findDisagreements
      ? cachedDisagreements([...pack.facts, ...pack.passages.map((_, i) => passages.make(i))], pack)
      : [];
    const found = candidates.filter(
      (d) =>
        !d.positions.some((p) =>
          p.units.some((u) => curated.has(u) || this.covered.factsOf(u).some((f) => curated.has(f))),
        ),
    );
    this.found = found;
    this.disputes = new DisputeIndex([...pack.topics.values(), ...found.map(asTopic)], (id) =>
      this.covered.factsOf(id),
    );
    // Multi-word names that contain a party's name without being it ("Pakistan Stream").
    const actors = actorsOf(pack);
    const partyWords = new Set(Object.values(actors).flat().map(canonical));
    const properNames = pack.aliases
      .flat()
      .map(canonical)
      .filter((a) => a.includes(' ') && !partyWords.has(a));
    this.reader = new ClaimReader(actors, pack.meta.negations, properNames, (text) => this.index.analyzer.terms(text));
    this.abuse = wordMatcher(pack.meta.denylist, 'giu');
  }

  /** Curated and community facts, passages aside. */
  get factCount(): number {
    return this.index.size - this.passages.length;
  }

  /** Every sentence of every source, citable. */
  get passageCount(): number {
    return this.passages.length;
  }

  /**
   * Answers a question with cited facts, or says plainly that the pack has no answer. Chat
   * ("hi", "help") gets a pointer to what the bot does, never facts.
   */
  ask(question: string, scope: Scope = {}): Answer {
    const query = this.safeEcho(question);
    const shape = readQuestion(this.spelledOut(question));
    const none = (text: string, status: Answer['status'] = 'no_answer'): Answer => ({
      query,
      status,
      text,
      sentences: [],
      citations: [],
      disagreements: [],
    });
    // Nothing to ask about (only punctuation, emoji) is no answer; "hi" and "help" are chat.
    // "how do i build a gas grill": sources that report events and views tell no one how to do things.
    if (shape.chat === 'instructions') return none(this.noAnswerNote());
    if (shape.chat) return none(this.chatNote(shape.chat), shape.chat === 'empty' ? 'no_answer' : 'chat');
    // "Who wrote …", "when was … published": the document's own entry answers, not its sentences.
    const entry = documentAnswer(question, this.citableDocuments(scope));
    if (entry) {
      const builder = this.builder();
      const n = builder.cite(entry);
      return {
        query,
        status: 'answered',
        text: `${entry.statement} [${n}]`,
        sentences: [{ text: entry.statement, citation: n }],
        citations: builder.list,
        disagreements: [],
      };
    }
    // "according to the overview": the kind of writing names where the answer is, not what it is about.
    this.writing ??= writingWords(new Set([...this.pack.documents.values()].map((d) => d.kind)));
    const source = sourceWriting(shape.about || question, this.writing);
    const searched = this.query(source.text, shape.asking, true, shape.counting);
    // The question is read (who does what, its point) only when a step needs it, and once.
    let reading: Reading | undefined;
    const read = () => (reading ??= this.reader.read(shape.about || question));
    // A question that asks for no type of answer (a date, a name) has nothing but its words to
    // tell a fact about what it asks from one that only shares its names.
    // Then one that tells the deed asked before one that only shares its words (see deedFirst).
    const found = this.byDeed(
      this.byRoles(
        ofWriting(
          this.relevant(searched, scope, this.options.minCoverage, CANDIDATES, shape.asking, shape.type === null),
          source.kind,
          (h) => this.pack.documents.get(h.fact.source.document)?.kind,
        ),
        read,
      ),
      read,
    );
    // "Who poured the concrete": a fact that says it "was poured", by no one, answers last,
    // and never beside one that may name who did it.
    const hidden = shape.type === 'person' ? doerHidden(found, [...read().frames.keys()]) : [];
    const kept = ahead(found, (h) => !hidden.includes(h));
    // "84,961 or 86,961?": each figure offered is searched for without the others, which no one source gives beside it.
    const offered = this.offeredSides(question, source.text, shape.asking, scope);
    const hits = kept.length || !offered ? kept : offered.flatMap((side) => side.hits).sort((a, b) => b.rank - a.rank);
    if (hits.length === 0) return none(this.noAnswerNote());
    const reach = shape.asking ? this.index.reach(searched, shape.asking) : [];
    const asked = askedOf(shape.about, (text) => this.index.analyzer.terms(text), shape.asking, reach);
    // Its point matters only if some fact takes a side: most take none.
    let pointRead: Point | undefined;
    const point = () => (pointRead ??= this.pointOf(read().terms, searched));
    // A further fact that would bring a disagreement beside the point is not said.
    const choice = compose(hits, shape, asked, {
      maxFacts: this.options.maxFacts,
      // Among those giving what is asked, one that tells the question's deed leads (see byDeed);
      // not for "why": a reason is often given for the deed in other words ("sparked a debate on
      // moving beyond the US" for "why did Pakistan look for other friends").
      lead: (fitting) => (shape.type && shape.type !== 'cause' ? this.byDeed([...fitting], read) : fitting),
      joins: (h, chosen) =>
        !hidden.includes(h) &&
        // "Where": a further place is another deed's unless the fact tells the first's (see joinsDeed).
        (shape.type !== 'place' ||
          joinsDeed(read(), this.reader.readFact(chosen[0]!.fact), this.reader.readFact(h.fact), h.fact.quote)) &&
        (this.disputes.of(h.fact.id).length === 0 ||
          !point().strays(
            h.fact.id,
            chosen.map((c) => c.fact.id),
            this.disputes,
          )),
    });
    const builder = this.builder();
    if ('related' in choice) {
      // On the subject, but nothing gives what was asked: say so, and show what is there.
      for (const h of choice.related) builder.cite(h.fact);
      const topic = this.pack.topics.get(choice.related[0]!.fact.topic)?.name ?? 'this';
      const text = `My sources mention ${lowerFirst(topic)} but none of them says ${ASKED_FOR[shape.type!]}.`;
      return {
        ...none(text),
        citations: builder.list,
        disagreements: builder.disagreements((id) => this.index.get(id), this.rankLookup(hits, question)),
      };
    }
    const sentences = choice.answering.map((h) => ({ text: h.fact.statement, citation: builder.cite(h.fact) }));
    // A relevant fact that takes a side on the very point asked brings that disagreement (not
    // its others), though another fact answers first. A question asking for a figure has its
    // sides found by their figures (below).
    // A difference found between the sources, not a curator's, is attached only where its kind bears on what is asked.
    const bears = (topic: Topic) =>
      topic.area !== FOUND_AREA || differenceBearsOn(this.found.find((d) => d.id === topic.id)?.kind ?? '', shape.type);
    if (!asksFigure(shape.type))
      for (const h of hits)
        for (const topic of this.disputes.of(h.fact.id))
          if (point().covers(topic) && bears(topic)) builder.attach(topic);
    // A disagreement found between the sources, not confirmed by a curator, is shown beside a
    // side cited only if it is about the point asked: a passage cited for one of its clauses
    // does not bring a dispute about another ("who operates the pipeline" beside whether it is
    // built yet).
    const clauses = (topic: Topic) => () =>
      this.found.find((d) => d.id === topic.id)?.positions.flatMap((p) => p.clauses) ?? [];
    const brings = (topic: Topic) => topic.area !== FOUND_AREA || point().brings(topic, clauses(topic));
    const disagreements = builder.disagreements((id) => this.index.get(id), this.rankLookup(hits, question), brings);
    // Sources that answer with figures that cannot be the same disagree, found or not.
    // A question that gives a figure and asks for none is about that figure ("did 3000 people really die").
    const given = shape.type === null ? figureGiven(shape.about || question) : null;
    const figureAsked = given ? askedOf(shape.about, (text) => this.index.analyzer.terms(text), given.noun) : asked;
    const figureType = shape.type ?? given?.type ?? null;
    // Its other sides need not give its figure: they are searched for without it.
    const sidesSearched = given ? this.query(withoutFigures(source.text), shape.asking, true) : searched;
    const sides =
      offered ??
      (asksFigure(figureType)
        ? this.figureSidesOf(hits, figureType, figureAsked, read, sidesSearched, scope, shape.about || question)
        : null);
    // Unless a disagreement shown already sets all these sides against each other.
    const cites = (d: Disagreement, side: FigureSide) =>
      side.hits.some((h) => {
        const n = builder.markerOf(h.fact);
        return n !== undefined && d.positions.some((p) => p.citations.includes(n));
      });
    if (sides && !disagreements.some((d) => sides.every((side) => cites(d, side))))
      disagreements.push(this.figureDisagreement(sides, builder));
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
  check(said: string, scope: Scope = {}): Verdict {
    const claim = this.safeEcho(said);
    const claimText = this.spelledOut(said);
    // Relevance is judged on what the claim is about, not on its figures: a wrong year must
    // still find the fact that gives the right one.
    const subject = withoutFigures(claimText);
    const reading = this.reader.read(claimText);
    const about = this.relevant(this.query(subject), scope, this.options.minCoverage * 0.8, CLAIM_FACTS);
    const hits = [...about, ...this.giving(subject, reading, about, scope)];
    if (hits.length === 0) {
      return {
        claim,
        verdict: 'unverified',
        reason: 'Unverified: nothing in the sources covers this claim.',
        citations: [],
        disagreements: [],
      };
    }
    const attributed = withoutAttribution(claimText) !== claimText;
    const partyName = (p: string) => p.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    const evidence = hits.map((hit) => weigh(reading, () => this.factReading(hit.fact), hit, attributed, partyName));
    const point = this.pointOf(reading.terms);
    const ruled = rule(evidence, this.disputes, (topic) => point.covers(topic));
    const ruling = ruled.verdict === 'supported' ? this.rivalled(ruled, reading, subject, scope) : ruled;

    const builder = this.builder();
    const shown = [...ruling.basis, ...evidence.filter((e) => e.bearing !== 'silent')];
    for (const e of shown.slice(0, this.options.maxFacts)) builder.cite(e.hit.fact);
    const disagreements = builder.disagreements((id) => this.index.get(id), this.rankLookup(hits, claimText));
    const markers = ruling.basis.slice(0, 3).map((e) => builder.cite(e.hit.fact));
    const cited = markers.length ? ` [${markers.join(', ')}]` : '';
    const label = {
      supported: 'Supported',
      contradicted: 'Contradicted',
      disputed: 'Disputed',
      unverified: 'Unverified',
    }[ruling.verdict];
    const why =
      ruling.verdict !== 'disputed' && ruling.basis[0]?.bearing === 'proposes'
        ? this.hearsay(ruling.basis[0])
        : ruling.why;
    return {
      claim,
      verdict: ruling.verdict,
      reason: `${label}: ${why}${cited}.`,
      citations: builder.list,
      disagreements,
    };
  }

  /**
   * A supported claim whose figure another fact, ranked lower, gives otherwise for the same
   * point (see rival-figures.ts) is disputed: the facts that state it are one side only.
   */
  private rivalled(ruling: Ruling, claim: Reading, subject: string, scope: Scope): Ruling {
    if (!claim.figures.some((f) => f.kind !== 'year' && f.kind !== 'rank')) return ruling;
    const stating = new Set(ruling.basis.map((e) => e.hit.fact.id));
    // Ranked by the claim's subject, however far below the first: a rival may tell it in other words ("died" for "killed").
    const ranked = this.index.search(this.query(subject)).filter((h) => h.named && this.visible(h.fact.id, scope));
    for (const hit of ranked.slice(0, RIVAL_FACTS)) {
      if (stating.has(hit.fact.id) || hit.coverage < this.options.minCoverage * 0.8) continue;
      const rival = rivalFigure(claim, this.factReading(hit.fact), comparable);
      if (!rival) continue;
      const given = ruling.basis[0]!.detail.replace(/^sources give /, '');
      return {
        verdict: 'disputed',
        basis: [...ruling.basis, { hit, bearing: 'excludes', detail: `sources give ${rival.text}` }],
        why: `sources give different figures: ${given} against ${rival.text}`,
      };
    }
    return ruling;
  }

  /**
   * The facts that give a claim's sums, shares and counts, besides those found by its subject:
   * the one that gives "74%" and "26%" may say the rest in fewer of the claim's words than
   * others that give no figure. Not its years: a year is given for many events.
   */
  private giving(subject: string, claim: Reading, found: readonly Hit[], scope: Scope): Hit[] {
    const given = claim.figures.filter((f) => f.kind !== 'year' && f.kind !== 'rank');
    if (given.length === 0) return [];
    const query = this.query(`${subject} ${given.map((f) => f.text).join(' ')}`);
    return this.relevant(query, scope, this.options.minCoverage * 0.8, CLAIM_FACTS).filter(
      (h) => !found.some((f) => f.fact.id === h.fact.id),
    );
  }

  /**
   * The hits with the first that does not tell the question's deed as another party's ("the
   * Soviets sent" for "what did the Americans send") first, and those before it that do last.
   * Reading a fact takes milliseconds: only the leading hits are read, a few at most.
   */
  private byRoles(hits: Hit[], question: () => Reading): Hit[] {
    if (hits.length < 2) return hits;
    const asked = question();
    if (askedDoers(asked).length === 0) return hits;
    const others: Hit[] = [];
    for (const h of hits.slice(0, ROLE_READS)) {
      if (!anotherDoer(asked, this.reader.readFact(h.fact))) break;
      others.push(h);
    }
    return ahead(hits, (h) => !others.includes(h));
  }

  /** The hits with one that tells the question's deed first, where the first does not (see deedFirst). */
  private byDeed(hits: Hit[], question: () => Reading): Hit[] {
    if (hits.length < 2) return hits;
    return [...deedFirst(hits, question(), (h) => this.reader.readFact(h.fact), ROLE_READS)];
  }

  /**
   * The point of a question or claim, from its terms as the claim reader reads them (parties and
   * figures aside) and, for a question, the near spellings and close synonyms its search took.
   */
  private pointOf(terms: readonly string[], searched?: Query): Point {
    const related = new Map(
      searched?.concepts.flatMap((c) => c.terms.map((t) => [t, this.index.reach(searched, c.word)] as const)),
    );
    this.authors ??= this.authorTerms();
    return new Point(terms, (t) => this.index.analyzer.terms(t), related, this.authors);
  }

  /** The words of the pack's publishers' names, as its passages are said with them (see passage-facts.ts). */
  private publisherWords(): PublisherWords {
    this.authors ??= this.authorTerms();
    return new PublisherWords(
      [...this.pack.documents.values()].flatMap((d) => (d.publisher ? [publisherName(d.publisher)] : [])),
      this.authors,
      (text) => this.index.analyzer.terms(text),
    );
  }

  /** The terms of every author's and poster's name in the pack. */
  private authorTerms(): Set<string> {
    const names = [...this.pack.documents.values()].flatMap((d) => [
      d.author ?? '',
      ...(d.posts ?? []).flatMap((p) => [p.author, p.poster]),
    ]);
    return new Set(names.flatMap((n) => this.index.analyzer.terms(n)));
  }

  /**
   * A fact read for a verdict. A passage's section heading names what the section is about
   * ("The Ostrava line"): a name in it is named by the passage too, though the passage says
   * only "the line".
   */
  private factReading(fact: Fact): Reading {
    const read = this.reader.readFact(this.dated(fact));
    // "During that year" right after a sentence that names it: the passage's own year.
    const told = isPassage(fact) ? this.passageFacts.told(fact.id) : undefined;
    const reading = told
      ? { ...read, figures: [...read.figures, ...this.reader.read(told).figures.map((f) => ({ ...f, clause: [] }))] }
      : read;
    const heading = this.index.section(fact.id);
    const published = isPassage(fact) ? this.passageFacts.published(fact.id) : undefined;
    if (!heading && !published) return reading;
    const section = this.reader.read(`${heading ?? ''} ${published ?? ''}`);
    // The year its heading or paragraph is set in, or "this week" in a dated article, dates the
    // passage as a curator's note would: it may confirm a claim's year, never contradict one.
    const years = section.figures
      .filter((f) => f.kind === 'year' && !reading.figures.some((r) => r.kind === 'year' && r.text === f.text))
      .map((f) => ({ ...f, clause: [], noted: true }));
    return {
      ...reading,
      figures: [...reading.figures, ...years],
      terms: [...new Set([...reading.terms, ...section.names.flat()])],
    };
  }

  /**
   * A passage with the date a curator gave the fact whose quote it holds, where it has none of
   * its own: "earlier this week" in a 2018 article is August 2018 to the curator.
   */
  private dated(fact: Fact): Fact {
    if (fact.date || !isPassage(fact)) return fact;
    const date = this.covered
      .factsOf(fact.id)
      .map((id) => this.index.get(id)?.date)
      .find((d) => d);
    return date ? { ...fact, date } : fact;
  }

  /**
   * The sides of a question asking for a figure (see figure-disagreement.ts): its relevant facts,
   * and those ranked below them on its subject whose figure's clause tells its deed. What the
   * question counts is counted by a noun naming it or by one telling its deed ("deaths" for
   * "how many people died").
   */
  private figureSidesOf(
    hits: readonly Hit[],
    type: AnswerType | null,
    asked: Asked,
    read: () => Reading,
    searched: Query,
    scope: Scope,
    about: string,
  ): FigureSide[] | null {
    const counted = askedTerms(asked);
    const told = [...read().frames.keys()].filter((v) => !Lexicon.shared().isGeneral(v));
    // "what is the death toll", "how many extra deaths were there": with no verb of its own, the deed is its counted noun's.
    const deeds = told.length || !asked.asking ? told : nounDeeds(about, asked.asking);
    const counts = counted.length
      ? (noun: string) => asked.termsOf(noun).some((t) => counted.includes(t)) || countsDeed(noun, deeds)
      : undefined;
    const shown = new Set(hits.map((h) => h.fact.id));
    const further =
      deeds.length && asksCount(type)
        ? this.searched(searched)
            .filter(
              (h) =>
                h.named &&
                !shown.has(h.fact.id) &&
                h.coverage >= this.options.minCoverage * FURTHER_COVERAGE &&
                this.visible(h.fact.id, scope),
            )
            .slice(0, FIGURE_FACTS)
        : [];
    // "the death toll had stood at 64": a bare count is of what a measure named before it
    // measures, the asked noun ("toll") or the deed ("death toll" for "how many died").
    const names = counted.length
      ? (lead: string) =>
          !this.elsewhere(lead, about) &&
          measuresIn(lead).some((m) => asked.termsOf(m).some((t) => counted.includes(t)) || namesDeed(m, deeds))
      : undefined;
    return figureSides(hits, type, counts, { hits: further, deeds }, names);
  }

  /**
   * The sides of a question that offers figures to choose from (see offered-figures.ts): for
   * each figure, the relevant facts that give it, found by the question without the other
   * figures, and not the other figures too (a fact giving both weighs them). Two figures or
   * more with such facts, else null.
   */
  private offeredSides(question: string, text: string, asking: string | undefined, scope: Scope): FigureSide[] | null {
    const offered = offeredFigures(question);
    if (offered.length < 2) return null;
    const sides: FigureSide[] = [];
    const taken = new Set<string>();
    for (const figure of offered) {
      const others = offered.filter((f) => f !== figure);
      const without = others.reduce(withoutFigure, text);
      const query = this.query(without, asking, true);
      const hits = this.relevant(query, scope, this.options.minCoverage * OFFERED_COVERAGE, CANDIDATES);
      const giving = hits
        .map((h) => [h, heldFigure(h.fact.quote, figure)] as const)
        .filter(([h, held]) => held && !taken.has(h.fact.id) && !others.some((f) => heldFigure(h.fact.quote, f)))
        .slice(0, OFFERED_FACTS);
      if (giving.length === 0) continue;
      for (const [h] of giving) taken.add(h.fact.id);
      sides.push({ hits: giving.map(([h]) => h), figures: [giving[0]![1]!] });
    }
    return sides.length >= 2 ? sides : null;
  }

  /**
   * True if a measure in `lead` is of a name with a word that neither the question nor any source's title
   * names ("the official death toll from 2005's Hurricane Katrina is" in a pack on another
   * storm): the figure after it is another thing's.
   */
  private elsewhere(lead: string, question: string): boolean {
    if (measuredNames(lead).length === 0) return false;
    this.subjectTerms ??= new Set([...this.pack.documents.values()].flatMap((d) => terms(d.title)));
    return measuresElsewhere(lead, new Set([...this.subjectTerms, ...terms(question)]));
  }

  /** How the facts of a disagreement's positions rank for what was asked (see rankForAsked). */
  private rankLookup(hits: readonly Hit[], asked: string): (id: string) => number {
    const termsOf = (id: string) => {
      const fact = this.index.get(id);
      return fact && this.index.termsOfFact(fact);
    };
    const concepts = this.index.analyzer.concepts(asked).map((c) => c.terms);
    return rankForAsked(new Map(hits.map((h) => [h.fact.id, h.rank])), concepts, termsOf);
  }

  /** Sides giving different figures, as a disagreement: "Sources give different figures: one gives 40,000 families, another 18,386 families." */
  private figureDisagreement(sides: readonly FigureSide[], builder: CitationBuilder): Disagreement {
    const who = (h: Hit) => {
      const source = sourceRef(this.pack, h.fact);
      return source.author ?? source.publisher ?? source.title;
    };
    const said = sides.map((side) => ({
      label: `${[...new Set(side.hits.map(who))].join(', ')}: ${[...new Set(side.figures.map((f) => f.text))].join(', ')}`,
      citations: [...new Set(side.hits.slice(0, 2).map((h) => builder.cite(h.fact)))].sort((a, b) => a - b),
    }));
    return {
      topic: `figures:${said.map((p) => p.citations.join('+')).join('/')}`,
      summary: figuresSummary(sides),
      positions: said,
    };
  }

  /** "only proposed by Andrew Korybko", "only claimed by a forum member, rock127". */
  private hearsay(e: Evidence): string {
    const source = sourceRef(this.pack, e.hit.fact);
    const who = source.author ?? source.publisher ?? source.title;
    switch (e.hit.fact.kind) {
      case 'forum_claim':
        return `only claimed by a forum member, ${who}`;
      case 'opinion':
        return `only the opinion of ${who}`;
      case 'proposal':
        return `only proposed by ${who}`;
      default:
        if (e.detail === JUDGED) return `only the view of ${who}, a judgement`;
        return e.detail === REPORTED
          ? `${who} gives it only as what someone said, not as established`
          : `${who} reports it only as planned, proposed or expected, not as done`;
    }
  }

  /** Checks each checkable sentence of a message, at most `max`. */
  checkMessage(text: string, max = 5, scope: Scope = {}): Verdict[] {
    const sentences = text
      .split(/(?<=[.!?;])\s+|\n+/)
      .map((s) => s.trim())
      .filter((s) => !s.endsWith('?') && terms(s).length >= 3);
    return sentences.slice(0, max).map((s) => this.check(s, scope));
  }

  /**
   * The documents a scope may cite, walked only when asked for: every question is checked for
   * being about a document, and a big pack has tens of thousands, which nearly every question
   * never needs.
   */
  private *citableDocuments(scope: Scope): Iterable<LoadedDocument> {
    for (const d of this.pack.documents.values()) if (this.mayCite(this.documentTenant.get(d.id), scope)) yield d;
  }

  /** The documents of the pack, and those its community added, with how many facts each gives. */
  sources(scope: Scope = {}): SourceSummary[] {
    const counts = new Map<string, number>();
    for (const f of this.curated(scope)) {
      const key = `${f.source.document}#${f.source.post ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      counts.set(f.source.document, (counts.get(f.source.document) ?? 0) + 1);
    }
    return [...this.pack.documents.values()]
      .filter((d) => this.mayCite(this.documentTenant.get(d.id), scope))
      .map((d) => ({
        document: d.id,
        title: d.title,
        author: d.author,
        publisher: d.publisher,
        date: d.date,
        kind: d.kind,
        reliability: d.reliability,
        facts: counts.get(d.id) ?? 0,
        posts: (d.posts ?? []).map((p) => ({
          n: p.n,
          author: p.author,
          poster: p.poster,
          kind: p.kind,
          facts: counts.get(`${d.id}#${p.n}`) ?? 0,
        })),
      }));
  }

  /** One fact as a citation, or undefined (as for another community's fact). */
  fact(id: string, scope: Scope = {}): Citation | undefined {
    // An answer about a document itself cites its entry (see document-questions.ts).
    const document = this.pack.documents.get(documentOf(id) ?? '');
    if (document)
      return this.mayCite(this.documentTenant.get(document.id), scope)
        ? this.citeAlone(documentFact(document))
        : undefined;
    const fact = this.index.get(id);
    return fact && this.visible(fact.id, scope) ? this.citeAlone(fact) : undefined;
  }

  /** Every fact the community may see, as citations, in pack order. */
  facts(scope: Scope = {}): Citation[] {
    return this.curated(scope).map((f) => this.citeAlone(f));
  }

  /** The curated facts and the community's own, in pack order, without the passages. */
  private curated(scope: Scope): Fact[] {
    return [...this.index.own()].filter((f) => !isPassage(f) && this.visible(f.id, scope));
  }

  /** A fact is the pack's, or the community's that approved it: another community's is not this one's to see. */
  private visible(id: string, scope: Scope): boolean {
    return this.mayCite(this.community.get(id)?.tenant, scope);
  }

  private mayCite(tenant: string | undefined, scope: Scope): boolean {
    return tenant === undefined || tenant === scope.tenant;
  }

  /** Suggestions for a partly typed question: topic names the community's facts can answer, at most 25. */
  suggest(partial: string, limit = 25, scope: Scope = {}): string[] {
    const words = this.index.suggest(partial, 5);
    const seen = new Set<string>();
    for (const text of [partial, ...words]) {
      for (const h of this.index.search(this.index.query(text), 15).filter((hit) => this.visible(hit.fact.id, scope))) {
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
  addDocument(document: LoadedDocument, tenant?: string): void {
    if (this.pack.documents.has(document.id)) return;
    this.pack.documents.set(document.id, document);
    // Listed in /sources only for the community that added it.
    if (tenant !== undefined) this.documentTenant.set(document.id, tenant);
  }

  /** Adds (or replaces) a moderator-approved fact in the live index. */
  addCommunityFact(fact: Fact, mark: CommunityMark): void {
    this.index.upsert(fact);
    this.community.set(fact.id, mark);
    this.covered.cover(fact);
  }

  /** Masks abuse and bounds the length of user text that the bot echoes. */
  safeEcho(text: string): string {
    const oneLine = text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control, zero-width and bidi characters are what this removes.
      .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // Cut first and mask after, so a cut word ("Paki|stan…") is masked as well; never cut a surrogate pair in half.
    const end = /[\uD800-\uDBFF]/.test(oneLine[MAX_ECHO - 2] ?? '') ? MAX_ECHO - 2 : MAX_ECHO - 1;
    const cut = oneLine.length > MAX_ECHO ? `${oneLine.slice(0, end)}…` : oneLine;
    return this.abuse ? cut.replace(this.abuse, (w) => '*'.repeat(Math.min(w.length, 8))) : cut;
  }

  /**
   * The text with initials the sources never define written out as the one name they write
   * with them ("gwu" → "george washington university"); only words the pack and English lack.
   */
  private spelledOut(text: string): string {
    // Reading every sentence for names takes seconds past this many: such a pack is not searched
    // for initials (its users can add them as aliases).
    if (this.passages.length > INITIALS_MAX_PASSAGES) return text;
    // A word the index drops ("of", "the") or knows, or one English knows, is what it says.
    const known = (word: string) => this.index.knows(word) || Lexicon.shared().partsOfSpeech(word) !== '';
    return spellOut(text, known, () => {
      this.initials ??= initials([...this.pack.passages.map((p) => p.text), ...this.pack.facts.map((f) => f.quote)]);
      return this.initials;
    });
  }

  /** The index's hits for a query, searched once for all the steps of one question that read them. */
  private searched(query: Query): Hit[] {
    return this.searches.get(query, () => this.index.search(query));
  }

  private query(text: string, asking?: string, question = false, counting?: string): Query {
    return this.index.query(text.slice(0, 2000), asking, question, counting);
  }

  private relevant(
    query: Query,
    scope: Scope,
    minCoverage: number,
    max = this.options.maxFacts,
    asking?: string,
    onSubject = false,
  ): Hit[] {
    // A name no fact has, not even at a near spelling, is a subject the pack does not cover;
    // and a fact that leaves out a name the question gives is about something else.
    if (this.index.unknown(query).length) return [];
    // Nor does one the pack has only in a publisher's name ("France" of Agence France-Presse).
    this.publishers ??= this.publisherWords();
    const asked = query.concepts.flatMap((c) => c.word.split(' '));
    if (this.publishers.strays(asked, (t) => this.index.attributedOnly(t))) return [];
    // A thing the question names that no source mentions ("grill" in "how do I build a gas grill"): only a fact with nearly all the rest answers.
    if (this.index.unseen(query).some((c) => c.word !== asking))
      minCoverage = Math.max(minCoverage, UNSEEN_THING_COVERAGE);
    // Another community's approved facts are not this one's to see.
    const found = this.searched(query).filter(
      (h) => h.named && !(onSubject && h.aside) && this.visible(h.fact.id, scope),
    );
    const hits = withoutRepeats(found, this.covered);
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

  private chatNote(chat: Chat): string {
    const hello = chat === 'greeting' ? 'Hi! ' : chat === 'thanks' ? 'Glad to help. ' : '';
    return `${hello}Ask me a question about ${this.pack.meta.name} with /ask, or check a claim with /check: I answer only from my sources, and I quote them. /sources lists them.`;
  }

  private noAnswerNote(): string {
    return `I don't have a sourced answer to that. I only answer from my sources, which cover ${this.pack.meta.covers}`;
  }
}

/** The pack's aliases with the abbreviations its sources define, each joined to a group that already names it. */
function withAbbreviations(aliases: readonly string[][], defined: readonly string[][]): string[][] {
  const groups = aliases.map((g) => [...g]);
  for (const pair of defined) {
    const group = groups.find((g) => g.some((a) => pair.includes(canonical(a))));
    if (group) group.push(...pair.filter((a) => !group.some((b) => canonical(b) === a)));
    else groups.push([...pair]);
  }
  return groups;
}

/** The least share of a question a fact must cover when the question names a thing no source mentions. */
const UNSEEN_THING_COVERAGE = 0.65;
/** A number written out ("fourteen"): a figure, set aside with the digits. */
const NUMBER_WORD = new RegExp(String.raw`\b(?:${Object.keys(NUMBER_WORDS).join('|')})\b`, 'gi');
/** A text with its figures set aside: what it is about, whatever figure it gives. */
const withoutFigures = (text: string): string =>
  text.replace(/(?<![\p{L}\d-])\d[\d.,]*\s*%?/gu, ' ').replace(NUMBER_WORD, ' ');

/** How much more of a question a passage must cover than the curated fact quoting it, to be said instead. */
const PASSAGE_MARGIN = 0.05;

/**
 * The hits with each quote said once: where a passage and a curated fact that quotes it both
 * match, the fact is said, unless the passage covers clearly more of the question (the
 * sentences around the fact's quote hold the answer).
 */
function withoutRepeats(hits: readonly Hit[], covered: Covered): Hit[] {
  const byId = new Map(hits.map((h) => [h.fact.id, h]));
  const dropped = new Set<string>();
  for (const h of hits) {
    const quoting = covered.factsOf(h.fact.id);
    if (quoting.length === 0) continue; // most hits: no curated fact quotes them
    const facts = quoting.map((id) => byId.get(id)).filter((f): f is Hit => !!f);
    if (facts.length === 0) continue;
    const best = Math.max(...facts.map((f) => f.coverage));
    if (best >= h.coverage - PASSAGE_MARGIN) dropped.add(h.fact.id);
    else for (const f of facts) dropped.add(f.fact.id);
  }
  return hits.filter((h) => !dropped.has(h.fact.id));
}

/** The hits that tell the question's deed only in the passive, with no doer (see hidesDoer). */
function doerHidden(hits: Hit[], deeds: readonly string[]): Hit[] {
  return hits.length < 2 || deeds.length === 0 ? [] : hits.filter((h) => hidesDoer(deeds, h.fact.quote));
}

const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
