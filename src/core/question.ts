/**
 * Reads what a question asks for before anything is looked up: its answer type (when → a
 * date, how many → a count, who → a person or organisation, why → a cause, …), the words it
 * is about once the question words are set aside, and whether it is chat rather than a
 * question at all ("hi", "thanks", "help", "ok but who is right").
 *
 *   readQuestion('which city did the sailors visit');
 *   // { type: 'place', about: 'did the sailors visit', chat: null }
 */
import { Lexicon, type NounClass } from './lexicon.js';
import { namesQuantity } from './quantity-noun.js';
import { canonical } from './tokens.js';

/**
 * What an answer must give. `day` is a date to the day ("on what date"); `amount` is money,
 * a share or a count ("how much of the pipeline");
 * `name` is a proper name the question does not already give; `definition` says what or who
 * something is ("who is korybko"); `kind` is a thing of the kind asked ("which fruit" → a mango).
 */
export type AnswerType =
  | 'date'
  | 'day'
  | 'money'
  | 'percent'
  | 'count'
  | 'amount'
  | 'person'
  | 'place'
  | 'cause'
  | 'name'
  | 'definition'
  | 'kind'
  | 'frequency';

/** `instructions`: how to do something oneself ("how do i build a gas grill", "best time to visit"), which no source reporting events tells. */
export type Chat = 'greeting' | 'thanks' | 'help' | 'empty' | 'instructions';

export interface QuestionShape {
  type: AnswerType | null;
  /** The question without the words that only say what type of answer it wants. */
  about: string;
  /** A noun that names what is asked for ("which city", "what motto"): it stays in `about`, but weighs little. */
  asking?: string;
  /**
   * For "how many" and "how much", what the quantity is said of: the words after it ("people
   * were injured in the quake"). Its verbs are the deed counted: a figure of another deed
   * (a death toll) is no answer. For "when", the words dated: the date a fact only has noted
   * is that of what it tells, so one that tells another deed does not date this one.
   */
  counting?: string;
  /** Set when the text is chat, not a question about anything. */
  chat: Chat | null;
}

/** Patterns of question words, tried in order; each says what type of answer the question wants. */
const TYPES: [RegExp, AnswerType][] = [
  [
    /\b(?:what|which|wat)(?:'?s| is| was)? (?:the )?(?:percentage|percent|share|stake|proportion|fraction)\b(?: of)?/,
    'percent',
  ],
  [/\bhow much (?:money|cash|funding|investment)\b/, 'money'],
  [
    /\bhow much(?= (?:did|does|do|will|would|was|is|were|are) .{0,40}\b(?:cost|pay|paid|spend|spent|worth|invest|charge))/,
    'money',
  ],
  // "what did the dam cost": the verb of price makes "what" a sum.
  [/\b(?:what|wat)(?= (?:did|does|do|will|would|could|is|was) .{0,40}\bcost\b)/, 'money'],
  [/\bhow much\b/, 'amount'],
  [/\bhow often\b|\bhow frequently\b/, 'frequency'],
  [/\bhow many\b/, 'count'],
  [
    /\b(?:(?:on )?(?:what|which)(?: exact| precise)? (?:date|day)|exact date|what day|(?:what|which)(?:'?s| is| was) the (?:exact |precise )?date)\b/,
    'day',
  ],
  [/\b(?:what|which|wat)(?:'?s| is| was)? (?:the )?(?:cost|price|value|budget|sum|figure)\b(?: of)?/, 'money'],
  [/\b(?:what|which|wat)(?:'?s| is| was)? (?:the )?(?:number|count|size)\b(?: of)?/, 'count'],
  // "when" opens the question ("so when did…"); later it is a conjunction ("what happened when…").
  [/^(?:[a-z']+ ){0,2}(?:when|since when)\b|\bwhat time\b(?! (?:span|frame|period))/, 'date'],
  [/\b(?:what|which|wat|in what|in which)(?:'s| is| was)? (?:the )?(?:year|date|month|decade|day)\b/, 'date'],
  [/\bhow long ago\b/, 'date'],
  // "how long have they held drills": since when, answered by the year it began.
  [/\bhow long(?= (?:has|have)\b)/, 'date'],
  [/\bhow (?=(?:long|far|big|large|old|tall|high|deep|wide|heavy)\b)/, 'amount'],
  [
    /\b(?:why|how come|what for|for what reason|what made|what caused|what led|what drove|what prompted|what(?:'s| is| was) (?:the )?(?:reason|motive|cause|rationale|aim|goal|point))\b(?: for| behind)?/,
    'cause',
  ],
  [
    /\b(?:where|whereabouts|(?:in |at |from |to )?(?:what|which|wat) (city|town|country|place|region|province|port|base|location|capital|venue))\b/,
    'place',
  ],
  [/\b(?:what|which|wat)(?:'?s| is| was| are| were)? (?:the )?(?:names?|title|nickname)\b(?: of)?/, 'name'],
  // Chat drops the "what is": "name of the joint naval drills?".
  [/^(?:the )?(?:names?|title|nickname) of\b/, 'name'],
  // "who was the foreign minister that…": the name of whoever held that role.
  [/^(?:[a-z']+ ){0,2}who(?:'s| is| was| are| were) (?=(?:the|a|an) )/, 'name'],
  [/\b(?:what|wat) (?:is|was|are|were) (?:it )?called\b/, 'name'],
  [
    /^(?:so |and |but |ok |okay )?(?:who|what)(?:'s| is| was| are| were) (?=[a-z0-9-]+(?: [a-z0-9-]+)?\s*\??$)/,
    'definition',
  ],
  [
    /\b(?:who|whom|whose|which (?:person|company|firm|organi[sz]ation|official|leader|minister|officer|general|country|side|party|state))\b/,
    'person',
  ],
];

/**
 * "what does X mean", "what's X supposed to mean in …", "what is meant by X": X and what
 * follows. Not "what does X mean for Y", which asks what comes of X.
 */
const MEANING =
  /^(?:so |and |but )?(?:what|wat)(?:'?s| does| do| did| is| was)? (.+?) (?:(?:actually|really|even|exactly|supposed to|meant to) )*(?:mean|means|stand for|stands for)\b(?! (?:for|to)\b) ?(.*)$|^(?:what|wat)(?:'?s| is| was) meant by (.+)$/;

/** The last word of a question in chat shorthand, and what it asks for. */
const LAST_WORD_TYPES: [RegExp, AnswerType][] = [
  [/ (?:when|(?<!\b(?:every|each|per|a|this|last|next|that|the) )(?:year|date))$/, 'date'],
  [/ (?:cost|price)$/, 'money'],
  [/ (?:length|size|height|capacity)$/, 'amount'],
  [/ where$/, 'place'],
  [/ why$/, 'cause'],
  [/ (?:called|named)$/, 'name'],
];

/** Whole messages that are chat, by what they are. Matched on the canonical text without punctuation. */
const CHAT: [RegExp, Chat][] = [
  [
    /^(?:hi|hello|hey|hiya|yo|sup|good (?:morning|afternoon|evening)|greetings|howdy)(?: there| all| everyone| bot| crosscheck)?$/,
    'greeting',
  ],
  [
    /^(?:thanks?|thank you|thx|ty|cheers|great|cool|nice|ok|okay|got it|perfect|awesome)(?: (?:a lot|so much|very much|bot|crosscheck))?$/,
    'thanks',
  ],
  [
    /^(?:help|\?|commands|what can you do|how does this work|how do (?:i|you) use (?:this|you|it)|what do you do|menu|usage)$/,
    'help',
  ],
  [
    /^(?:(?:ok|okay|so|but|and|well)\s+)*(?:(?:but|so)\s+)?(?:who(?:'s| is) right|who is correct|which (?:is|one is) (?:right|true|correct)|what(?:'s| is) the truth|what do you think|your opinion|thoughts)$/,
    'help',
  ],
  [/^(?:how (?:do|can|should|could|would|will) (?:i|we)|how to)\b/, 'instructions'],
  // Advice ("best time to visit lahore", "what's the best way to get there") is no more told by
  // sources that report events than instructions are.
  [
    /^(?:(?:what|when|where|which)(?:'s| is| are| would be)? )?(?:the )?best (?:times?|ways?|places?|seasons?|months?|days?) (?:to|for)\b/,
    'instructions',
  ],
  // How a kind of thing works ("how do canal locks work"), in the present: a manual's, not a report's.
  [/^how (?:do|does) .+ work\b(?! out)/, 'instructions'],
];

/**
 * "which trade bloc does…", "what parliamentary body did…": the noun before the verb names
 * what is asked for. Its kind (WordNet's class of its commonest sense) gives the answer type
 * where it is a person, a place, a time or a quantity; any other noun asks for a thing of its
 * kind ("which fruit"). It may also be what the answer is about ("what motto"), so it stays,
 * weighing little.
 */
const WHICH_NOUN =
  /\b(?:which|what|wat)((?: [a-z-]+){0,3}?) ([a-z]+)(?= (?:did|does|do|is|was|are|were|has|have|had|will|would|can|could)\b)/;
const PREPOSITIONS = new Set([
  'in',
  'of',
  'on',
  'at',
  'to',
  'for',
  'from',
  'with',
  'by',
  'about',
  'between',
  'among',
  'into',
  'over',
  'under',
]);
/** Adjectives of measure ("how long", "12 km long", "90 metres high", "three years old"): they say what is measured, not what is counted. */
export const MEASURE = /^(?:long|wide|high|deep|tall|old|thick|heavy|far|away|strong|big|large)$/;

/** "what kind of X", "which type of X": a word for a sort, whose X is what is asked for. */
const SORT_OF = /^(?:kinds?|types?|sorts?|forms?|varieties)$/;
const AUXILIARY = /^(?:is|are|was|were|be|been|do|does|did|has|have|had|will|would|can|could|should|may|might|must)$/;

/** Where "which X" stands in a question: the wh-word's place and the noun X. */
interface WhichNoun {
  at: number;
  /** Length of the wh-word alone ("what kind of" for a sort): it is what is set aside. */
  whLength: number;
  /** Null for "what kind of X": any X is an answer. */
  noun: string | null;
}

/**
 * The noun a "which"/"what" asks about: the last before an auxiliary ("which trade bloc does
 * …"), or before the first verb in the past ("which russian deputy pm got …").
 */
function whichNoun(text: string): WhichNoun | null {
  const aux = WHICH_NOUN.exec(text);
  if (aux) {
    // The noun phrase ends before a preposition: "what political problem in pakistan is …" asks about the problem.
    const ws = `${aux[1]} ${aux[2]}`.trim().split(' ');
    // "what did the us do": an auxiliary after the wh-word makes it the object, not "which X".
    if (ws.some((w) => AUXILIARY.test(w))) return null;
    const cut = ws.findIndex((w) => PREPOSITIONS.has(w));
    const noun = cut > 0 ? ws[cut - 1]! : cut === 0 ? null : aux[2]!;
    const whLength = /^\w+/.exec(aux[0])![0].length;
    // "what kind of cultural events": a sort of the things named, which are what it is about.
    if (noun && SORT_OF.test(noun) && ws[1] === 'of')
      return { at: aux.index, whLength: whLength + noun.length + 4, noun: null };
    return noun ? { at: aux.index, whLength, noun } : null;
  }
  const m = /\b(which|what|wat)((?: [a-z-]+){2,5})/.exec(text);
  if (!m) return null;
  const ws = m[2]!.trim().split(' ');
  const lexicon = Lexicon.shared();
  const verbAt = ws.findIndex(
    (w, i) => i > 0 && (/ed$/.test(w) || lexicon.lemma(w) !== w) && lexicon.verbOf(w) !== undefined,
  );
  // "what is pakistan scared of": a copula first means the noun is no "which X".
  if (verbAt <= 0 || ws.slice(0, verbAt).some((w) => AUXILIARY.test(w) || PREPOSITIONS.has(w))) return null;
  return { at: m.index, whLength: m[1]!.length, noun: ws[verbAt - 1]! };
}

const CLASS_TYPES: Record<NounClass, AnswerType> = {
  person: 'person',
  group: 'person',
  place: 'place',
  time: 'date',
  quantity: 'amount',
  act: 'kind',
  possession: 'kind',
};

/**
 * For a question after a name, the noun whose name it wants: "the russian deputy defence
 * minister who signed…" wants the minister's. The answer must name it where it says it.
 */
function named(about: string): { asking?: string } {
  const phrase =
    /^(?:the |a |an )?((?:[a-z'-]+ ){0,5}?[a-z'-]+?)(?:'s)?(?= (?:who|that|which|of|in|at|to|for|from|with|on|during|when|whose)\b|$)/.exec(
      about,
    );
  const noun = phrase?.[1]?.split(' ').pop();
  return noun ? { asking: noun } : {};
}

/**
 * For "how many" and "how much", the noun counted: the last word before the verb or a
 * preposition ("how many fake registries were made" counts registries, "how many soldiers
 * took part" soldiers), as in "how many Su-35s", "how much gas".
 */
function counted(about: string): { asking?: string } {
  const ws = about.replace(/^(?:of )?(?:the )?/, '').split(' ');
  // "how much is the pipeline …", "how long did …": nothing is counted by name.
  if (AUXILIARY.test(ws[0] ?? '')) return {};
  const lexicon = Lexicon.shared();
  const verbAt = ws.findIndex(
    (w, i) =>
      i > 0 &&
      (AUXILIARY.test(w) ||
        PREPOSITIONS.has(w) ||
        ((/ed$/.test(w) || lexicon.lemma(w) !== w) && lexicon.verbOf(w) !== undefined)),
  );
  let at = verbAt > 0 ? Math.min(verbAt, 3) - 1 : 0;
  // "how many km long": the unit counts, the adjective after it says what is measured.
  if (at > 0 && MEASURE.test(ws[at]!)) at--;
  // "how many people actually died": an adverb says how, the noun before it what is counted.
  while (at > 0 && !lexicon.partsOfSpeech(ws[at]!).includes('n') && lexicon.partsOfSpeech(ws[at]!) !== '') at--;
  const noun = ws[at];
  return noun && !AUXILIARY.test(noun) && noun !== 'of' ? { asking: noun } : {};
}

/** "what was the official death toll", "what did the toll stand at": the words after "the", and "did" where it stands before. */
const WHAT_THE = /^(?:[a-z']+ ){0,2}(?:what|wat)(?:'s| is| was| are| were| has| had| (did|does|do))? the (.+)$/;
/** Where the noun phrase after "the" ends, besides a preposition or an auxiliary. */
const PHRASE_END = /^(?:when|that|which|who|whom|whose|according)$/;

/**
 * A "what is the <noun>" question whose noun names a quantity (see quantity-noun.ts) asks for
 * a figure, as "how much" does: the noun is the last before a preposition or an auxiliary,
 * or, after "did", the one before the verb ("what did the toll stand at").
 */
function figureAsked(text: string): Pick<QuestionShape, 'type' | 'about' | 'asking' | 'counting'> | null {
  const m = WHAT_THE.exec(text);
  if (!m) return null;
  const lexicon = Lexicon.shared();
  const ws = m[2]!.split(' ');
  const cut = ws.findIndex((w) => PREPOSITIONS.has(w) || AUXILIARY.test(w) || PHRASE_END.test(w));
  const phrase = cut >= 0 ? ws.slice(0, cut) : [...ws];
  if (m[1] && lexicon.verbOf(phrase.at(-1) ?? '') === undefined) return null;
  if (m[1]) phrase.pop();
  const noun = phrase.at(-1);
  if (!noun || !namesQuantity(noun)) return null;
  return { type: 'amount', about: m[2]!, asking: noun, counting: m[2]! };
}

/** A yes-or-no question's first alternative: "is russia building it or is it stuck" → "is russia building it". */
function firstAlternative(text: string): string {
  const at = text.search(
    / or (?:is|are|was|were|do|does|did|has|have|just|only|not|rather|still|will|would|can|could)\b| or (?:is )?(?:it|that|this|they)\b/,
  );
  return at > 0 &&
    /^(?:is|are|was|were|do|does|did|has|have|will|would|can|could|should)\b/.test(text) &&
    text.slice(0, at).split(' ').length >= 4
    ? text.slice(0, at)
    : text;
}

export function readQuestion(question: string): QuestionShape {
  const whole = canonical(question)
    .replace(/[^\p{L}\p{N}'%$ -]+/gu, ' ')
    // "between the two", "the two countries": the pair the conversation is about, not a count.
    .replace(/\b(the|these|those) two\b/g, '$1')
    // "which events are mentioned", "does the overview mention": asked of the sources, which every sentence is.
    .replace(/\b(?:(?:is|are|was|were|being|been|get|gets|got) )?mention(?:s|ed|ing)?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (whole === '') return { type: null, about: '', chat: 'empty' };
  // "is X so, or is that just hype": the question is its first alternative; the second asks
  // the same the other way round, in words a source would not use.
  // "what was the minister's name who…" asks the name of the minister: said the usual way round.
  const text = firstAlternative(whole).replace(
    /^((?:what|wat)(?:'?s| is| was) )(?:the )?((?:[a-z-]+ ){0,4}[a-z-]+)'s names?\b/,
    '$1the name of the $2',
  );
  for (const [pattern, chat] of CHAT) if (pattern.test(whole)) return { type: null, about: '', chat };
  const without = (at: number, length: number, keep = '') =>
    `${text.slice(0, at)}${keep} ${text.slice(at + length)}`.replace(/\s+/g, ' ').trim();
  // "what does yaar mean": what the word means, said of the word; "mean" is no word of the answer.
  const meaning = MEANING.exec(text);
  if (meaning) return { type: 'definition', about: meaning.slice(1).filter(Boolean).join(' '), chat: null };
  for (const [pattern, type] of TYPES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const about = without(match.index, match[0].length);
    // What "how many" counts follows it, wherever it stands: "mi-35 order could grow to how many helis".
    const after = text.slice(match.index + match[0].length).trim();
    return {
      type,
      about,
      ...(type === 'name'
        ? named(about)
        : type === 'count' || type === 'amount'
          ? { ...counted(after || about), counting: after || about }
          : // "which city": the place asked is a city, named beside the word or known as one.
            type === 'place' && match[1]
            ? { asking: match[1] }
            : type === 'date'
              ? { counting: about }
              : {}),
      chat: null,
    };
  }
  // Chat shorthand puts the question word last: "pakistan sco join year?", "pipeline length?".
  const last = AUXILIARY.test(text.split(' ')[0]!)
    ? undefined
    : LAST_WORD_TYPES.find(([pattern]) => pattern.test(text));
  if (last && text.split(' ').length >= 3)
    return { type: last[1], about: text.replace(last[0], '').trim(), chat: null };
  const figure = figureAsked(text);
  if (figure) return { ...figure, chat: null };
  const which = whichNoun(text);
  if (which) {
    const kind = which.noun ? Lexicon.shared().nounClass(which.noun) : undefined;
    // "what toll did officials stand by": a noun of quantity asks for a figure, whatever its class.
    const figure = which.noun !== null && namesQuantity(which.noun);
    return {
      type: figure ? 'amount' : kind ? CLASS_TYPES[kind] : 'kind',
      about: without(which.at, which.whLength),
      ...(which.noun ? { asking: which.noun } : {}),
      chat: null,
    };
  }
  return { type: null, about: text, chat: null };
}
