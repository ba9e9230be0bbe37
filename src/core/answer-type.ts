/**
 * Whether a passage of text can answer a question of a given type: a "when" question wants a
 * date, "how many" a count, "who" a name, "why" a cause. Only the verbatim quote counts (a
 * fact's own date too, for "when"): the bot may only say what a source says.
 *
 *   const asked = askedOf('who built the steel mills', terms);
 *   gives('The Soviets constructed Pakistan Steel Mills', 'person', asked);   // true: "Soviets"
 *   gives('Moscow lifted an arms embargo on Islamabad', 'date', asked);       // false
 */
import { ENGLISH_RANK } from './everyday-words.js';
import { datesIn, type Figure, figures } from './figures.js';
import { Lexicon } from './lexicon.js';
import { namesQuantity } from './quantity-noun.js';
import { type AnswerType, MEASURE } from './question.js';
import { terms as plainTerms, words } from './tokens.js';

/** What the question already says, against which an answer must bring something new. */
export interface Asked {
  /** The terms of the question's words, aliases' keys included. */
  terms: ReadonlySet<string>;
  /** The same analysis for a word of the answer. */
  termsOf: (text: string) => string[];
  /** The noun whose name, count or amount is asked for ("the minister" in "the name of the minister"). */
  asking?: string;
  /**
   * The index terms the search reached for that noun besides its own: its near spellings
   * ("helicoptors") and related words ("submarine" for "subs"). A fact the search found by one
   * of them names the asked thing as much as by the noun itself.
   */
  reach?: readonly string[];
}

/** The question's own words as an Asked; `termsOf` should be the index's analyser, so aliases count. */
export const askedOf = (
  about: string,
  termsOf: (text: string) => string[] = plainTerms,
  asking?: string,
  reach: readonly string[] = [],
): Asked => ({
  terms: new Set(termsOf(about)),
  termsOf,
  ...(asking ? { asking, reach } : {}),
});

/** The terms that stand for the asked noun: its own and those the search reached for it. */
export const askedTerms = (asked: Asked): string[] =>
  asked.asking ? [...asked.termsOf(asked.asking), ...(asked.reach ?? [])] : [];

/**
 * The terms that name the asked noun in an answer: its own, those the search reached for it,
 * and those of the words WordNet gives for the same thing ("helicopters" for "choppers",
 * "soldiers" for "troops"). Never a narrower kind: "how many fliers" is not answered by a
 * count of pilots.
 */
export function namingTerms(asked: Asked): string[] {
  let out = namingOf.get(asked);
  if (!out) {
    const same = asked.asking ? Lexicon.shared().nounSynonyms(asked.asking).flatMap(asked.termsOf) : [];
    namingOf.set(asked, (out = [...new Set([...askedTerms(asked), ...same])]));
  }
  return out;
}
const namingOf = new WeakMap<Asked, string[]>();

/** The shortest a word cut at its end ("sub" for "submarine") or at its start ("quake" for "earthquake") may be. */
const CLIPPED_START = 3;
const CLIPPED_END = 4;

/**
 * True if one word is the other cut short, at its end or its start: "subs" and
 * "submarines", "quake" and "earthquake", "land" and "farmland".
 */
export function clipped(a: string, b: string): boolean {
  // Plurals aside: "subs" is cut from "submarines" as "sub" from "submarine".
  const [short, long] = [a, b].map((w) => w.replace(/s$/, '')).sort((x, y) => x.length - y.length) as [string, string];
  return (
    long !== short &&
    ((short.length >= CLIPPED_START && long.startsWith(short)) || (short.length >= CLIPPED_END && long.endsWith(short)))
  );
}

/** A day of a month: "5 April", "April 5", "April 5th". */
const DAY =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/;
/** Words for money: "how much money" asks for money, "how much gas" for a quantity of gas. */
const MONEY_WORDS = /^(?:money|cash|funding|funds|investment|cost|price|budget|loan|aid|dollars|rupees|worth|value)$/;
/** Kinds of thing WordNet files a noun under whose amount is money: "how much trade", "how much aid". */
const MONEY_KINDS = new Set(['act', 'possession']);
/** A month's name that is no other English word; "may" and "march" are months only where datesIn reads them so. */
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/;

/** A time of day: "4:53 p.m.", "before 5 pm", "at noon". */
const TIME_OF_DAY = /\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b(?:noon|midnight|o'clock)\b/;
/** A span back from when the source wrote: "over the past decade", "in the last few years". */
const SPAN_BACK =
  /\b(?:over|for|in|during) the (?:past|last|previous) (?:\w+ )?(?:decades?|years|months|weeks|century)\b/;

/** True if the text names a time itself: a year, a month or a time of day (not only a span back from its writing). */
export function namesDate(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    figures(lower).some((f) => f.kind === 'year') ||
    MONTH.test(lower) ||
    datesIn(text).length > 0 ||
    TIME_OF_DAY.test(lower)
  );
}

/**
 * Words that give a reason or a purpose. Grammar, not vocabulary: these are the ways English
 * says "because", whatever the subject.
 */
const CAUSE = new RegExp(
  [
    String.raw`\bbecause\b`,
    String.raw`\bsince (?!\d|the (?:end|start|beginning))`,
    String.raw`\bas a (?:result|consequence)\b`,
    String.raw`\bresult(?:ed|ing)? (?:of|from|in)\b`,
    String.raw`\b(?:due|owing|thanks) to\b`,
    String.raw`\bgiven (?:that|its|their|the)\b`,
    String.raw`\bamid\b`,
    String.raw`\bin (?:response|retaliation|reaction)\b`,
    String.raw`\breasons?\b`,
    String.raw`\bwhy\b`,
    String.raw`\bmotiv`,
    String.raw`\bdriven by\b`,
    String.raw`\bdrive[sn]?\b`,
    String.raw`\bprompt(?:ed|s)\b`,
    String.raw`\bspark(?:ed|s)\b`,
    String.raw`\bspurr?(?:ed|s)\b`,
    String.raw`\bencourag(?:ed|es|ing)\b`,
    String.raw`\bled to\b`,
    String.raw`\blead(?:s|ing)? to\b`,
    String.raw`\bcaus(?:ed|es|ing)\b`,
    String.raw`\bforc(?:ed|es|ing)\b`,
    String.raw`\bmade (?:\w+ )?(?:to|it)\b`,
    String.raw`\bconcerns?\b`,
    String.raw`\bfears?\b`,
    String.raw`\bworr(?:y|ied|ies)\b`,
    String.raw`\bdesire\b`,
    String.raw`\binterests?\b`,
    String.raw`\bneeds? (?:for|to)\b`,
    String.raw`\bkeen (?:on|to)\b`,
    String.raw`\bso (?:that|as to)\b`,
    String.raw`\bin order to\b`,
    String.raw`\bin a bid to\b`,
    String.raw`\baim(?:ed|s|ing)? (?:at|to)\b`,
    String.raw`\bwith the aim\b`,
    String.raw`\bintend(?:ed|s)? to\b`,
    String.raw`\bmeant to\b`,
    String.raw`\bseek(?:s|ing)? to\b`,
    String.raw`\bsought to\b`,
    String.raw`\brealiz|\brealis`,
    String.raw`\bin light of\b`,
    // What was cited, suffered from or lacking: "withdrew it, citing an error", "for lack of power".
    String.raw`\bciting\b`,
    String.raw`\bsuffer(?:ed|s|ing)? from\b`,
    String.raw`\b(?:lack|shortage|absence) of\b`,
    String.raw`\bbecause of\b`,
    String.raw`\bto (?:counter|balance|offset|hedge|diversify|reduce|avoid|gain|secure|boost|strengthen|punish|send|signal|show|ensure|modernize|modernise|replace|protect|prevent|deter|contain|expand|increase|cut|end|escape|lessen|limit)\b`,
    String.raw`\bhelp(?:s|ed)? (?:to )?\w+`,
    String.raw`\bpav(?:ed|es|ing) the way\b`,
    String.raw`\bfor the sake\b`,
    String.raw`\b(?:in|as) (?:a |an )?(?:show|sign|gesture|signal|token|mark) of\b`,
    String.raw`\bin (?:support|defen[cs]e|protest|honou?r|memory) of\b`,
    String.raw`\bbenefit`,
    String.raw`\bso\b(?= [a-z]+ (?:can|could|would|will))`,
    String.raw`\bdisappoint`,
    String.raw`\bdiscontent\b`,
    String.raw`\bdispleas`,
    String.raw`\banger\b`,
    String.raw`\bunease\b`,
    String.raw`\bsuspicio`,
    String.raw`\bwar(?:y|iness)\b`,
    String.raw`\bopportunit`,
    String.raw`\bthreats?\b`,
    String.raw`\bpressure`,
    String.raw`\bsanctions?\b`,
    String.raw`\bobstacles?\b`,
    // What something is critical or vital to is why it matters ("why does Pakistan care about the pipeline").
    String.raw`\b(?:critical(?! of)|vital|crucial|essential|indispensable)\b`,
    // What went on for years before a deed led to it: "pulled out after years of protests".
    String.raw`\bafter (?:years|months|weeks|decades) of\b`,
    String.raw`\bconstraints?\b`,
    String.raw`\bdelays?\b`,
  ].join('|'),
);

/** Words that open a noun's phrase: after "to sign", they make "sign" a verb with its object. */
const DETERMINER = /^(?:the|a|an|their|its|his|her|our|this|that|these|those|new|more)$/;

/**
 * A journey's purpose, said with "to" and a verb after a verb of going (WordNet's ways of
 * travelling): "came to Moscow immediately afterwards to meet his counterpart", "flew to
 * Islamabad to sign an agreement". Not "came to power": a word that is mostly a noun is a verb
 * there only with its object after it.
 */
function givesPurpose(lower: string): boolean {
  const lexicon = Lexicon.shared();
  goingVerbs ??= new Set(['travel', ...lexicon.synonymVerbs('travel'), ...lexicon.waysOf('travel')]);
  for (const clause of lower.split(/[.;!?]/)) {
    const ws = words(clause);
    const went = ws.findIndex((w) => goingVerbs!.has(lexicon.verbOf(w) ?? ''));
    if (went < 0) continue;
    for (let i = went + 1; i + 1 < ws.length; i++) {
      if (ws[i] !== 'to') continue;
      const verb = ws[i + 1]!;
      if (/(?:ed|ing)$/.test(verb) || !lexicon.bases(verb).includes(verb)) continue;
      const pos = lexicon.partsOfSpeech(verb);
      if (pos.startsWith('v') || (pos.includes('v') && DETERMINER.test(ws[i + 2] ?? ''))) return true;
    }
  }
  return false;
}
let goingVerbs: Set<string> | undefined;

/**
 * Prepositions and verbs of going that put a name in a place: "in Karachi", "from Peshawar",
 * "visited Saint Petersburg", "from the port of Karachi".
 */
const PLACE =
  /\b(?:in|at|from|to|near|via|into|inside|outside|across|towards?|through|off|on|visit(?:ed|s|ing)?|reach(?:ed|es)?|tour(?:ed|s)?)\s+(?:the\s+)?(?:(?:port|city|town|village|province|state|region|district|island|capital)\s+of\s+)?((?:[A-Z][\p{L}'-]+)(?:\s+(?:of\s+|de\s+)?[A-Z][\p{L}'-]+)*)/gu;
/** Capitalised words in a row: a name ("Liaquat Ali Khan", "Pakistan Steel Mills", "the Soviets"). */
const NAME = /(?:^|[^\p{L}\p{N}.!?]\s*|[.!?]\s+\S)([A-Z][\p{L}'-]*(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\p{L}'-]*)*)/gu;
/** A name given as such: in quotation marks, or after "called" or "known as". */
const GIVEN_NAME =
  /[“"‘'][A-Z][^“”"]{1,40}[”"’']|\b(?:called|known as|named|dubbed|nicknamed|codenamed|titled)\s+[“"‘']?[A-Z]/;

/** Capitalised names in a text, as lists of their lower-case words. Sentence-initial words are names only if English does not know them. */
function names(text: string, keep: (name: string[], before: string) => boolean = () => true): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(NAME)) {
    const name = m[1]!;
    const start = m.index! + m[0].length - name.length;
    const ws = name
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => w && w !== 'of' && w !== 'de');
    const first = start === 0 || /[.!?:]\s*$/.test(text.slice(0, start));
    if (first && ws.length === 1 && isCommon(ws[0]!)) continue;
    if (keep(ws, text.slice(0, start))) out.push(ws);
  }
  return out;
}

/** True if any of the name's words is not one of the question's (an alias of a question's word is one: "Russia's" for "russian"). */
const isNew = (name: string[], asked: Asked): boolean =>
  name.some((w) => !asked.termsOf(w).some((t) => asked.terms.has(t)));

/**
 * True for a word English knows in lower case: a common word, not a name. WordNet lacks the
 * function words ("the", "in", "this"), which open many sentences: English's commonest words
 * that WordNet has no entry for are those.
 */
const isCommon = (word: string): boolean => {
  const pos = Lexicon.shared().partsOfSpeech(word);
  return /[a-z]/.test(pos) || (pos === '' && ENGLISH_RANK.has(word));
};

/** A name for a time, not a place: "on Thursday", "in December", "at Christmas". */
const isTime = (name: string[]): boolean => name.every((w) => Lexicon.shared().nounClass(w) === 'time');

/**
 * For "which city", "which country": a new name that is a place wherever it stands ("Delhi is
 * closely monitoring …" answers "which country is uneasy"), a people's name for its land ("a
 * trilateral Tajik component"), or a name beside the asked noun ("including Bharuch city").
 * "Where" asks where something happened, which only a place after a preposition says.
 */
function namesPlace(quote: string, asked: Asked): boolean {
  return (
    names(quote).some((n) => isNew(n, asked) && !isTime(n) && (isPlace(n.join(' ')) || n.some(isPlace))) ||
    namesNext(quote, asked)
  );
}

/** A name WordNet knows only as a place's ("Kashmir", "Russia"), or a people's for its land ("Russian"). */
const isPlace = (w: string): boolean => {
  const lexicon = Lexicon.shared();
  const pos = lexicon.partsOfSpeech(w);
  return (
    (pos !== '' && pos === pos.toUpperCase() && lexicon.nounClass(w) === 'place') || lexicon.placesOf(w).length > 0
  );
};

/** A preposition that puts what follows in a place or makes it a part of another thing: "in", "at", "of". */
const SETTING = /\b(?:in|at|from|to|near|via|into|inside|outside|across|towards?|through|off|on|of)\s+(?:the\s+)?$/i;

/**
 * For "who": a name that may be the doer asked, not a place the text sets something in or
 * makes it part of ("74% of Russia", "in Gujarat"): there it says where or whose, not who.
 */
const mayDo = (name: string[], before: string): boolean =>
  !isTime(name) && !(SETTING.test(before) && (isPlace(name.join(' ')) || name.every(isPlace)));

/** WordNet's kinds of wording: a noun that is one, up to two steps down, names words said or written. */
const WORDINGS = new Set(['expression', 'name']);
/** True if the asked noun names a wording ("motto", "catchphrase", "nickname"), not a thing ("deal", "company"). */
function asksWording(noun: string): boolean {
  return Lexicon.shared()
    .kindsTwoUp(noun)
    .some((k) => WORDINGS.has(k));
}
/** A capitalised phrase of words in quotation marks, not of the question's words: 'the roadmap of "Rusi-Pakistani Yaar Yaar"', not '"Hindi"'. */
const QUOTED = /[“"‘']([A-Z][^“”"]{1,40})[”"’']/g;
const quotes = (quote: string, asked: Asked): boolean =>
  [...quote.matchAll(QUOTED)].some((m) => words(m[1]!).length >= 2 && isNew(words(m[1]!), asked));

/** A proper name proper: at least one word that is not a common word ("Fomin", not "Deputy Minister"). */
const isProper = (name: string[]): boolean => name.some((w) => !/^[a-z]+$/.test(w) || !isCommon(w));

/**
 * True if `quote` gives an answer of `type` to a question that says `asked`: a name the
 * question already gives ("who built the Steel Mills") is no answer. `date` is the fact's own
 * date, where it has one.
 */
export function gives(quote: string, type: AnswerType, asked: Asked, date?: string): boolean {
  const lower = quote.toLowerCase();
  switch (type) {
    case 'date':
      return !!date || namesDate(quote) || SPAN_BACK.test(lower);
    case 'day':
      return DAY.test(lower);
    case 'money':
    case 'percent':
      return saidOfAsked(lower, asked).some((part) => figures(part).some((f) => f.kind === type));
    case 'count':
    case 'amount':
      return quantityOf(quote, type, asked);
    case 'cause':
      return CAUSE.test(lower) || givesPurpose(lower);
    case 'place':
      return (
        placeParts(quote, asked).some((part) =>
          [...part.matchAll(PLACE)].some((m) => isNew(words(m[1]!), asked) && !isTime(words(m[1]!))),
        ) ||
        (!!asked.asking && namesPlace(quote, asked))
      );
    case 'person':
      // "Which judge convicted them": a name given by a sentence that names no judge, nor a kind
      // of one, may be anyone's ("the district court convicted …", beside the minister who spoke).
      return (
        names(quote, mayDo).some((n) => isNew(n, asked)) &&
        (!asked.asking || isVague(asked.asking, PERSON_VAGUE_RANK) || ofKind(quote, asked, true))
      );
    case 'name':
      if (asked.asking) return namesNext(quote, asked);
      return GIVEN_NAME.test(quote) || names(quote).some((n) => isNew(n, asked) && isProper(n));
    case 'definition':
      return asked.terms.size > 0 && definesAny(lower, asked);
    case 'kind':
      return (
        !asked.asking ||
        isVague(asked.asking) ||
        ofKind(quote, asked) ||
        (asksWording(asked.asking) && quotes(quote, asked))
      );
    case 'frequency':
      return FREQUENCY.test(lower);
  }
}

/** A sentence's opening phrase up to its first comma, led by a preposition or a participle ("in 2015,", "compared to …,"), not a clause of its own. */
const OPENING =
  /^((?:[a-z]+(?:ed|ing)|in|on|at|during|after|before|since|by|for|with|unlike|like|despite|under|over|from|until|according)\b[^;:,]*?),\s/i;
/** A clause that opens with a relative pronoun ("which cost $2 billion", "who paid …"). */
const RELATIVE = /^\s*(?:which|who|whose|whom)\b/;

/**
 * A sentence's parts, between semicolons, colons, commas and "as well as". A relative clause
 * says more of what the clause before it names: in "revealed the scam, which showed
 * irregularities of Rs 1,000 crore", the sum is the scam's. A sentence's opening phrase sets
 * the scene for the clause after it: "compared to the year before, deaths rose 62 percent" is
 * one part.
 */
function partsOf(text: string): string[] {
  return text
    .replace(OPENING, '$1 ')
    .split(/[;:]|,\s|\bas well as\b/)
    .reduce<string[]>((out, part, i) => {
      if (i > 0 && RELATIVE.test(part)) out[out.length - 1] += `, ${part}`;
      else out.push(part);
      return out;
    }, []);
}

/**
 * For "where": the parts of a sentence that say something the question says, where some do.
 * In "they held the first drills, in spite of anger over an attack in Kashmir", the place is
 * the attack's, not the drills'.
 */
function placeParts(quote: string, asked: Asked): string[] {
  const parts = partsOf(quote);
  const saying = parts.filter((p) => asked.termsOf(p).some((t) => asked.terms.has(t)));
  return saying.length ? saying : parts;
}

/**
 * The parts of a sentence (between semicolons, colons, commas and "as well as") that say
 * something the question says: in "a $153 million deal to sell helicopters, as well as an
 * agreement to buy the engines", the sum is the helicopters', not the engines'.
 */
function saidOfAsked(lower: string, asked: Asked): string[] {
  const parts = partsOf(lower);
  if (asked.terms.size === 0) return parts;
  // The part that says most of what is asked: in "a $153 million deal for helicopters, as well as a
  // deal for RD-93 engines", the sum shares "deal" with "what did the RD-93 deal cost", but it is
  // the helicopters'.
  const said = parts.map((p) => new Set(asked.termsOf(p).filter((t) => asked.terms.has(t))).size);
  const most = Math.max(...said);
  return most === 0 ? [] : parts.filter((_, i) => said[i] === most);
}

/**
 * One of English's commonest nouns ("idea", "problem", "message", "group"): so general that no
 * sentence names a thing as one, so "what problem" is answered by whatever problem the rest of
 * the question finds.
 */
const VAGUE_RANK = 1000;
/**
 * For "which <noun>" asking who: only the commonest nouns for anyone ("people", "man", "one")
 * say nothing of who is asked; "which company", "which judge" want a company's, a judge's name.
 */
const PERSON_VAGUE_RANK = 300;
const isVague = (noun: string, rank = VAGUE_RANK): boolean =>
  [noun, ...Lexicon.shared().bases(noun)].some((w) => (ENGLISH_RANK.get(w) ?? Infinity) < rank);

/**
 * How often: "every year", "annually", "twice a year", "regularly", or how many times it
 * happened ("I've been to Puerto Rico 7 times"), not a multiple ("70 times the estimate").
 */
const FREQUENCY =
  /\b(?:every|each) (?:\w+ )?(?:year|month|week|day|summer|winter|spring|autumn)\b|\b(?:annual(?:ly)?|yearly|monthly|weekly|daily|biennial(?:ly)?|regular(?:ly)?|periodic(?:al(?:ly)?)?|routine(?:ly)?)\b|\b(?:once|twice|\w+ times) (?:a|per|every) \w+|\b(?:twice|\d+ times|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of) times)\b(?! (?:the|as|more|less|higher|lower|bigger|larger|greater|smaller|over|that)\b)/;

/**
 * True if the text names the asked kind of thing, by its word or another for the same thing
 * ("artillery" for "what weapon", see namingTerms), or a thing of that kind: for "which fruit",
 * "fruit" or "mango" (in its second sense a kind of fruit, up to two steps up in WordNet).
 */
function ofKind(quote: string, asked: Asked, besidesAsked = false): boolean {
  let kindOf = wordsOfKind.get(asked);
  if (!kindOf) wordsOfKind.set(asked, (kindOf = new Map()));
  const wanted = new Set(namingTerms(asked));
  const lexicon = Lexicon.shared();
  const isOfKind = (w: string) =>
    asked.termsOf(w).some((t) => wanted.has(t)) ||
    lexicon.kindsTwoUp(w).some((b) => asked.termsOf(b).some((t) => wanted.has(t)));
  // The question's other words are no kind of the asked thing there: "which judge convicted the
  // officials" is not answered by a sentence naming "officials" (in WordNet, adjudicators).
  const own = besidesAsked ? new Set(askedTerms(asked)) : undefined;
  const others = (w: string) => !!own && asked.termsOf(w).some((t) => asked.terms.has(t) && !own.has(t));
  // Nor does a verb's past form that shares the noun's stem: "which Rossello commissioned" names no commission.
  const deed = (w: string) => !!own && /ed$/.test(w) && lexicon.verbOf(w) !== undefined;
  return words(quote).some((w) => {
    if (others(w) || deed(w)) return false;
    let yes = kindOf.get(w);
    if (yes === undefined) kindOf.set(w, (yes = isOfKind(w)));
    return yes;
  });
}

/** Per question (its Asked), whether each word read so far names the asked kind: the facts of one answer share many words. */
const wordsOfKind = new WeakMap<Asked, Map<string, boolean>>();

/**
 * A count, or for "how much" any quantity but a year; money only if money is what is asked.
 * Where the question names what it counts ("how many Su-35s"), a figure counts it only if it
 * counts that, or the sentence names it.
 */
function quantityOf(quote: string, type: 'count' | 'amount', asked: Asked, times = true): boolean {
  // "how long is the dam" asks for a length, whatever the figure's unit: "long" counts nothing.
  const noun = asked.asking && !MEASURE.test(asked.asking) ? asked.asking : undefined;
  // …but it is measured in some unit: "60 demonstrators" is no depth, "seven officials" no length of time.
  const dimension = !!asked.asking && DIMENSION.test(asked.asking);
  const counted = noun ? askedTerms(asked) : [];
  // A word for the same thing counts only as the figure's own noun: "four helicopters" for "choppers".
  const naming = noun ? namingTerms(asked) : [];
  // Trade, aid, investment, debt (acts and possessions) are measured in money; gas and land are not.
  const moneyAsked = !noun || MONEY_WORDS.test(noun) || MONEY_KINDS.has(Lexicon.shared().nounClass(noun) ?? '');
  // "How much compensation" asks for a sum: a count of anything but a unit ("5,295 deaths",
  // "527,894 people") counts what it was paid for, not how much was paid. Not a noun of a
  // measure ("how much was the toll"), which a bare figure gives.
  const sumAsked = !!noun && moneyAsked && !namesQuantity(noun);
  const namesIt = counted.length === 0 || asked.termsOf(quote).some((t) => counted.includes(t));
  // "How much money" is answered by a sum whatever the sentence calls it ("$139bn in recovery funds").
  const moneyNamed = !!noun && MONEY_WORDS.test(noun);
  const lower = quote.toLowerCase();
  return figures(lower).some((f) => {
    if (
      f.kind === 'year' ||
      (MULTIPLE.test(f.noun ?? '') && noun !== 'times') ||
      (AGO.test(f.noun ?? '') && !dimension && !(noun && isUnit(noun))) ||
      (!times && !!noun && !dimension && countsTime(f) && !isUnit(noun)) ||
      (f.kind === 'money' && (type === 'count' || !moneyAsked)) ||
      (type === 'amount' && sumAsked && f.kind === 'count' && !isUnit(unitOf(f, lower))) ||
      (f.kind === 'percent' && type === 'count') ||
      (dimension && !isUnit(unitOf(f, lower)))
    )
      return false;
    return (
      namesIt ||
      (f.kind === 'money' && moneyNamed) ||
      (f.kind === 'count' && asked.termsOf(f.noun ?? '').some((t) => naming.includes(t))) ||
      // The figure's own noun may be the asked one in full ("eight submarines" for "how many subs").
      (!!noun && countsClipped(f.noun, noun))
    );
  });
}

/** True if a count's own noun is a unit of time: "31 years", "two weeks". */
const countsTime = (f: Figure): boolean =>
  f.kind === 'count' && Lexicon.shared().nounClass(f.noun?.split(' ')[0] ?? '') === 'time';

/**
 * For "how many <noun>": true if the text gives a count or amount besides counts of time ("31
 * years after the leak" counts years, not the people asked about). One that gives only those
 * may still answer ("the toll rose to 64 within weeks"), after one that does.
 */
export const givesBesidesTime = (quote: string, type: 'count' | 'amount', asked: Asked): boolean =>
  quantityOf(quote, type, asked, false);

/** "46 times the previous tally", "70 times higher": a multiple of another figure, no count or amount of its own. */
const MULTIPLE = /^times (?:the|as|more|less|higher|lower|bigger|larger|greater|smaller|over|that|what)\b/;

/** "Two weeks ago", "three years earlier": when something happened, not a quantity of it. */
const AGO = /^[a-z]+ (?:ago|earlier|later)\b/;

/** Adjectives of a dimension, in length, time or weight ("how deep", "how long", "how old"); not of a size that may be a count ("how big", "how strong"). */
const DIMENSION = /^(?:long|wide|high|deep|tall|old|thick|heavy|far|away)$/;

/** The word after a figure: its noun's first, or one joined to it by a hyphen ("a 1,100-km pipeline"). */
const unitOf = (f: Figure, lower: string): string | undefined =>
  f.noun?.split(' ')[0] || /^-([a-z]+)/.exec(lower.slice(f.at + f.text.length))?.[1];

/** True if a word is a unit of measure or of time: "km", "metres", "years", "tonnes". */
const isUnit = (first: string | undefined): boolean => {
  if (!first) return false;
  const lexicon = Lexicon.shared();
  const kind = lexicon.nounClass(first);
  return kind === 'quantity' || kind === 'time' || lexicon.kinds(first).some((k) => k === 'unit' || k === 'measure');
};

/** True if a figure's noun (its first word) is the asked noun clipped or in full: "eight submarines" for "subs". */
const countsClipped = (figureNoun: string | undefined, asking: string): boolean => {
  const first = figureNoun?.split(' ')[0];
  return !!first && /^[a-z]+$/.test(first) && /^[a-z]+$/.test(asking) && clipped(first, asking);
};

/** How many words a list's label and the start of what it labels may have. */
const LABEL_WORDS = 5;

/**
 * True if a new proper name stands right beside the asked-for noun: "Deputy Defense Minister
 * Alexander Fomin", "Fomin, the deputy defense minister", "the commission, called …", or
 * labels it in a list ("Arab Monsoon: joint naval exercises…"). A name elsewhere in the
 * sentence is someone else's.
 */
function namesNext(quote: string, asked: Asked): boolean {
  const wanted = namingTerms(asked);
  // Possessives off ("Russia's Ambassador"), so a party the question names is not taken for a name.
  const tokens = [...quote.matchAll(/[\p{L}\p{N}-]+(?:['’][\p{L}]+)?|[,;:.!?()“”"]/gu)].map((m) =>
    m[0].replace(/['’]s$/, ''),
  );
  const isName = (i: number) => {
    const w = tokens[i];
    return !!w && /^[A-Z]/.test(w) && isNew([w.toLowerCase()], asked) && isProper([w.toLowerCase()]);
  };
  const skip = /^(?:[,(“"]|called|named|known|as|dubbed|nicknamed)$/i;
  // A list's label: "Arab Monsoon: joint naval exercises are held…" names the exercises.
  const colon = tokens.indexOf(':');
  if (
    colon > 0 &&
    colon <= LABEL_WORDS &&
    tokens.slice(0, colon).some((_, i) => isName(i)) &&
    tokens.slice(colon + 1, colon + 1 + LABEL_WORDS).some((t) => asked.termsOf(t).some((x) => wanted.includes(x)))
  )
    return true;
  // The noun beside the name may be the next narrower kind of the asked one: "U-2 pilot Gary Powers" names a flier.
  const own = askedTerms(asked);
  const narrower = (t: string) =>
    /^[a-z]+$/.test(t) &&
    Lexicon.shared()
      .kinds(t)
      .some((k) => asked.termsOf(k).some((x) => own.includes(x)));
  return tokens.some((t, i) => {
    if (!asked.termsOf(t).some((x) => wanted.includes(x)) && !narrower(t)) return false;
    let after = i + 1;
    while (after < tokens.length && skip.test(tokens[after]!)) after++;
    const before = tokens[i - 1] === ',' || tokens[i - 1] === 'the' ? i - 2 : i - 1;
    // "a senior Pakistani diplomat": a people's adjective right before the noun says whose, not who.
    const whose = before === i - 1 && /A/.test(Lexicon.shared().partsOfSpeech(tokens[before]?.toLowerCase() ?? ''));
    return isName(after) || (isName(before) && !whose);
  });
}

/**
 * A gloss of a word: the word in a parenthesis after what it means ("buddies ("yaar" in
 * Urdu)"), or a parenthesis straight after it that says it in other words ("“Yaar Yaar”
 * (“Russians and Pakistanis are buddies”)").
 */
function glosses(lower: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\(\\s*["“‘']?${w}\\b|\\b${w}["”’']?\\s*\\(`).test(lower);
}

/** "Carleene Dei, mission director of USAID Haiti": a noun straight after the name and a comma says what it is. */
function apposed(lower: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const noun = new RegExp(`\\b${w}, (?:(?:a|an|the) )?([a-z]+)`).exec(lower)?.[1];
  return !!noun && Lexicon.shared().partsOfSpeech(noun).startsWith('n');
}

/** "X is a …", "X, a …", "X (a …)": the text says what one of the asked words is. */
function definesAny(lower: string, asked: Asked): boolean {
  const ws = words(lower);
  for (let i = 0; i < ws.length - 1; i++) {
    if (!asked.termsOf(ws[i]!).some((t) => asked.terms.has(t))) continue;
    // "the Russian-Pakistani Economic Corridor (RPEC)": the words before it say what it stands for.
    if (lower.includes(`(${ws[i]})`) || glosses(lower, ws[i]!) || apposed(lower, ws[i]!)) return true;
    const next = ws.slice(i + 1, i + 3).join(' ');
    if (/^(?:is|was|are|were|a|an|the|who|which|refers|means|stands)\b/.test(next)) return true;
  }
  return false;
}

/**
 * For "which <noun>": true if the text names a thing of that kind that the question does not,
 * by a new name beside the noun ("the Grand Coulee Dam" for "which dam is bigger than Sardar
 * Sarovar") or by a narrower word ("mangoes" for "which fruit"), not by the noun alone, which
 * every sentence on the subject may have.
 */
export function namesAnother(quote: string, asked: Asked): boolean {
  if (!asked.asking) return false;
  if (namesNext(quote, asked)) return true;
  const wanted = new Set(namingTerms(asked));
  const lexicon = Lexicon.shared();
  return words(quote).some(
    (w) =>
      !asked.termsOf(w).some((t) => wanted.has(t) || asked.terms.has(t)) &&
      lexicon.kindsTwoUp(w).some((b) => asked.termsOf(b).some((t) => wanted.has(t))),
  );
}
