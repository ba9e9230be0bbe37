/**
 * Finds the figures in a sentence — years, money, percentages and counts — as numeric
 * ranges, so that "$153 million" equals "153m" and "more than $10 billion" can be seen
 * to contradict "$700-900 million".
 */
import { KeptWork } from './kept-work.js';

/** Ranks ("the third highest") are found by ranks.ts, where WordNet tells a superlative from a word like "forest". */
export type FigureKind = 'year' | 'money' | 'percent' | 'count' | 'rank';

export interface Figure {
  kind: FigureKind;
  low: number;
  high: number;
  /** Where it stands in the text, for finding the party it belongs to. */
  at: number;
  /** The words that gave it, as written ("$2-2.5 billion"). */
  text: string;
  /** For counts: the words that follow ("helicopters"), to compare like with like. */
  noun?: string;
  /** For ranks: the adjective of the superlative ("large" for "the second largest"). */
  adjective?: string;
  /** For money: the currency ("usd", "inr", "eur", "gbp"), so that rupees are never compared with dollars. */
  currency?: string;
}

const MONTH_NAME = /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*)\b/;

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  // The Indian numbering system's words, as English-language news in South Asia writes amounts.
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

/** Currency marks and names, by the currency they stand for. */
const CURRENCIES: [RegExp, string][] = [
  [/^(?:us\s*\$|\$|usd|dollars?)$/, 'usd'],
  [/^(?:rs\.?|inr|₹|rupees?)$/, 'inr'],
  [/^(?:€|eur|euros?)$/, 'eur'],
  [/^(?:£|gbp|pounds?)$/, 'gbp'],
];
const currencyOf = (mark: string): string => CURRENCIES.find(([re]) => re.test(mark.trim()))?.[1] ?? mark.trim();

// A number that is part of a name ("mi35m", "su-35") is not a figure.
const NUM = String.raw`(?<![a-z0-9.-])(\d+(?:[.,]\d+)*)`;
const QUALIFIER = String.raw`(more than|over|above|at least|in excess of|less than|under|below|up to|at most|about|around|nearly|almost|approximately|roughly|some)?\s*`;
const RANGE_END = String.raw`(\d+(?:[.,]\d+)*)`;
const MONEY = new RegExp(
  String.raw`${QUALIFIER}(us\s*\$|\$|usd\s*|rs\.?\s*|inr\s*|₹\s*|€\s*|eur\s*|£\s*|gbp\s*)?\s*${NUM}(?:\s*(?:-|to)\s*(?:\$|rs\.?|₹|€|£)?\s*${RANGE_END})?\s*-?(thousand|million|billion|trillion|lakhs?|crores?|mln|mn|bn|k|m|b)?\b(\s*(?:dollars|usd|rupees|euros|pounds)\b)?(\s+[a-z][a-z-]*)?`,
  'g',
);
/** Words after an amount that say it is not money but a count of them ("20 million people"). */
const NOT_COUNTED =
  /^(?:a|an|the|and|or|of|in|on|at|to|for|from|by|with|is|was|are|were|has|have|had|will|would|worth|deal|loan|project|investment|budget|package|agreement|contract|plan|per|each|annually|a year)$/;
const SEVERAL = /\b(several|a few|many|billions of|millions of)\s*(billion|million)?\s*(?:dollars|usd)?/g;
const PERCENT = new RegExp(String.raw`${QUALIFIER}${NUM}\s*(?:%|percent\b|per cent\b)`, 'g');
/** Shares said in words, as percentages. */
const FRACTIONS: Record<string, number> = {
  'one third': 100 / 3,
  'a third': 100 / 3,
  'two thirds': 200 / 3,
  'one quarter': 25,
  'a quarter': 25,
  'three quarters': 75,
  'one fifth': 20,
  'a fifth': 20,
  half: 50,
  'one half': 50,
};
/** A share in words is rounded when written: "one-third" is 31–36%. */
const FRACTION_SLACK = 2.5;
const FRACTION = new RegExp(
  // "the first half of 2018" is a time, not a share.
  String.raw`${QUALIFIER}(?<!(?:first|second|last|latter|former)\s+)\b((?:one|a|two|three)[\s-]+(?:thirds?|quarters?|fifths?)|(?:one[\s-]+)?half)(?=\s+of\b(?!\s+\d))`,
  'g',
);
const YEAR = /\b(1[89]\d\d|20\d\d)(s)?\b/g;

const toNumber = (s: string): number => Number(s.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));

/** The least share of an "up to" figure it stands for. */
const UP_TO_LOW = 0.75;

/** Widens a value into the range a qualifier implies. */
function qualify(q: string | undefined, low: number, high: number): [number, number] {
  switch (q) {
    case 'more than':
    case 'over':
    case 'above':
    case 'at least':
    case 'in excess of':
      return [low, Infinity];
    case 'less than':
    case 'under':
    case 'below':
    case 'at most':
      return [0, high];
    // "up to four crore people": the most a source expects, its figure; half of it is another's.
    case 'up to':
      return [high * UP_TO_LOW, high];
    case 'about':
    case 'around':
    case 'nearly':
    case 'almost':
    case 'approximately':
    case 'roughly':
    case 'some':
      return [low * 0.9, high * 1.1];
    default:
      return [low, high];
  }
}

const numberWord = Object.keys(NUMBER_WORDS).join('|');
/** What is counted follows the number (whole, or with its decimals: "a 7.0 magnitude quake"), up to three words, and is never another number. */
const COUNT = new RegExp(
  String.raw`${QUALIFIER}\b(\d+(?:,\d{3})*(?:\.\d+)?|${numberWord})\b((?:\s+(?!(?:${numberWord})\b)[a-z][a-z0-9-]*){1,3})?`,
  'g',
);

/** Words before a number that make it a label (a grade, a step, a class), not a count. */
const LABELLED = /\b(category|level|stage|phase|grade|class|type|tier)\s+$/i;

/** Words after a number that open a phrase of their own: the number counts nothing named. */
const BARE =
  /^\s+(?:in|on|at|by|to|from|for|with|and|or|but|as|than|since|during|after|before|until|when|while|is|are|was|were)\b/;

/** A scale after a number word ("two dozen soldiers", "four crore people"), and what it counts: never another number. */
const TIMES = new RegExp(
  String.raw`^\s+(dozen|hundred|thousand|million|billion|lakhs?|crores?)\b((?:\s+(?!(?:${numberWord})\b)[a-z][a-z0-9-]*){1,3})?`,
);

/** Texts read for figures lately: a fact's quote is read for them by every question it answers. */
const read = new KeptWork<string, readonly Figure[]>(2000);

/** Figures in a text, left to right (the list is shared: never change it). Text should already be lower case. */
export function figures(input: string): readonly Figure[] {
  return read.get(input, () => figuresOf(input));
}

function figuresOf(input: string): Figure[] {
  const text = input.toLowerCase().replace(/[‐‑‒–—―−]/g, '-');
  const out: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const take = (a: number, b: number) => taken.push([a, b]);

  for (const m of text.matchAll(PERCENT)) {
    const [low, high] = qualify(m[1], toNumber(m[2]!), toNumber(m[2]!));
    out.push({ kind: 'percent', low, high, at: m.index! + m[0].indexOf(m[2]!), text: m[0].trim() });
    take(m.index!, m.index! + m[0].length);
  }
  // "one-third of the deaths", "half of the gas": a share in words.
  for (const m of text.matchAll(FRACTION)) {
    const share = FRACTIONS[m[2]!.replace(/\s+|-/g, ' ')]!;
    const [low, high] = qualify(m[1], share - FRACTION_SLACK, share + FRACTION_SLACK);
    out.push({ kind: 'percent', low, high, at: m.index! + m[0].indexOf(m[2]!), text: m[0].trim() });
    take(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(MONEY)) {
    const [, q, mark, a, b, unit, name, next] = m;
    const start = m.index! + m[0].indexOf(a!);
    const currency = mark ?? name;
    // A bare number is money only with a currency mark or a scale word.
    if (!currency && !unit) continue;
    const amount =
      next && !currency && !NOT_COUNTED.test(next.trim()) ? null : m[0].slice(0, m[0].length - (next?.length ?? 0));
    const matched = amount ?? m[0];
    // A one-letter scale counts only when attached: "153m" is money, "4 m" is not.
    if (
      !currency &&
      unit &&
      unit.length <= 2 &&
      !new RegExp(`\\d${unit}\\s*$`).test(amount ?? m[0].slice(0, m[0].length - next!.length))
    )
      continue;
    if (!free(start, m.index! + matched.length)) continue;
    const scale = unit ? SCALE[unit]! : 1;
    let lowV = toNumber(a!) * scale;
    let highV = toNumber(b ?? a!) * scale;
    if (b && lowV > highV) [lowV, highV] = [highV, lowV];
    const [low, high] = qualify(q, lowV, highV);
    if (amount === null) {
      // "20 million people", "5.5 lakh hectares": a count at a scale, of what follows.
      out.push({ kind: 'count', low, high, at: start, text: matched.trim(), noun: next!.trim() });
    } else {
      out.push({
        kind: 'money',
        low,
        high,
        at: start,
        text: amount.trim(),
        currency: currency ? currencyOf(currency) : 'usd',
      });
    }
    take(m.index!, m.index! + matched.length);
  }
  for (const m of text.matchAll(SEVERAL)) {
    if (!free(m.index!, m.index! + m[0].length) || (!m[2] && !m[1]!.endsWith('of'))) continue;
    const scale = m[2] === 'million' || m[1] === 'millions of' ? 1e6 : 1e9;
    const [low, high] = m[1]!.endsWith('of') ? [scale, scale * 1000] : [2 * scale, 9.99 * scale];
    out.push({ kind: 'money', low, high, at: m.index!, text: m[0].trim(), currency: 'usd' });
    take(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(YEAR)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
    if (/^\s*(?:km|mw|miles?|kilometres?|kilometers?)\b/.test(after)) continue;
    const year = Number(m[1]);
    out.push({ kind: 'year', low: year, high: m[2] ? year + 9 : year, at: m.index!, text: m[0] });
    take(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(COUNT)) {
    const at = m.index! + m[0].indexOf(m[2]!, m[1]?.length ?? 0);
    if (!free(at, at + m[2]!.length)) continue;
    if (/[a-z0-9]-?$/.test(text.slice(Math.max(0, at - 2), at))) continue; // part of "su-35"
    // "a Category 4 storm", "Stage 2": a number that labels a grade or a step, not a count of
    // what follows: it is compared with the same label's numbers ("Category 5" against "Category 4").
    const label = LABELLED.exec(text.slice(Math.max(0, at - 12), at));
    if (label) {
      const value = NUMBER_WORDS[m[2]!] ?? toNumber(m[2]!);
      out.push({
        kind: 'count',
        low: value,
        high: value,
        at,
        text: `${label[1]} ${m[2]}`,
        noun: label[1]!.toLowerCase(),
      });
      continue;
    }
    // "31 December", "Dec. 31": a day of a month, not a count of Decembers.
    if (
      MONTH_NAME.test(m[3] ?? '') ||
      /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+$/.test(text.slice(Math.max(0, at - 11), at))
    )
      continue;
    // "the two countries", "these two sides": a pair the text already knows, not a count it gives.
    if (/^(?:two|2)$/.test(m[2]!) && /\b(?:the|these|those)\s+$/.test(text.slice(Math.max(0, at - 7), at))) continue;
    // "two dozen soldiers", "three hundred people", "four crore people": the scale multiplies the number.
    const times = TIMES.exec(text.slice(at + m[2]!.length));
    const value =
      (NUMBER_WORDS[m[2]!] ?? toNumber(m[2]!)) * (times ? (NUMBER_WORDS[times[1]!] ?? SCALE[times[1]!]!) : 1);
    const [low, high] = qualify(m[1], value, value);
    if (times) {
      const noun = (times[2] ?? '').trim();
      // "fourteen billion dollars": a sum written out, as "14 billion dollars" is money.
      const named = /^(dollars|usd|rupees|euros|pounds)\b/.exec(noun);
      if (named) {
        out.push({
          kind: 'money',
          low,
          high,
          at,
          text: `${m[2]} ${times[1]} ${named[1]}`,
          currency: currencyOf(named[1]!),
        });
        take(at, at + m[2]!.length + times[0].length);
        continue;
      }
      out.push({ kind: 'count', low, high, at, text: `${m[2]} ${times[1]} ${noun.split(' ')[0] ?? ''}`.trim(), noun });
      take(at, at + m[2]!.length + times[0].length);
      continue;
    }
    // "30 of the dam's gates" counts gates: what is counted follows "of the …'s".
    const partitive = /^\s+of\s+(?:(?:the|its|their|his|her)\s+)?(?:[a-z-]+'s\s+)?((?:[a-z][a-z0-9-]*\s*){1,3})/.exec(
      text.slice(at + m[2]!.length),
    );
    // "4,902 with permanent disability" counts those with it: what they have is what is counted.
    const having = /^\s+with\s+((?:(?!(?:the|a|an|its|their)\b)[a-z][a-z-]*\s*){1,2})/.exec(
      text.slice(at + m[2]!.length),
    );
    // "1,052 in December": what follows a bare number may be no noun at all.
    const noun = (partitive ? partitive[1]! : having ? having[1]! : BARE.test(m[3] ?? '') ? '' : (m[3] ?? '')).trim();
    out.push({ kind: 'count', low, high, at, text: `${m[2]} ${noun.split(' ')[0] ?? ''}`.trim(), noun });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** True when two figures can describe the same quantity. */
export const overlaps = (a: Figure, b: Figure): boolean => a.low <= b.high && b.low <= a.high;

/** A day of a month, or a month alone ("March 3", "3 March", "in March 2019"), as a source or a claim dates an event. */
export interface DayOfYear {
  month: number;
  /** Absent when only the month is given. */
  day?: number;
  /** Where it stands in the text. */
  at: number;
  /** The words that gave it, as written. */
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/**
 * "March 3", "Jan. 12, 2010", "3 March", "in March", "March 2019". A month alone must stand
 * after a word of time or before a year: "may" and "march" are words too.
 */
const DAY_OF_YEAR = new RegExp(
  [
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![a-z])`,
    String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d,]*\d)`,
    String.raw`(?<=\b(?:in|since|until|till|by|from|early|late|mid|end of|of|last|next|this)[\s-]+)${MONTH}(?![a-z])`,
    String.raw`\b${MONTH}\s+(?=(?:1[89]|20)\d\d\b)`,
  ].join('|'),
  'gi',
);
/** What may follow "May" the month, given with no day after it nor a year, and not "may" the verb. */
const AFTER_MAY = /^\s*(?:[,.;:)]|$|(?:and|to|when|after|before|the|this|last|each|every)\b)/i;

/** The days and months a text dates things by, left to right. */
export function datesIn(text: string): DayOfYear[] {
  const out: DayOfYear[] = [];
  for (const m of text.matchAll(DAY_OF_YEAR)) {
    const name = (m[2] ?? m[3] ?? m[5] ?? m[6])!.toLowerCase();
    const day = Number(m[1] ?? m[4] ?? 0);
    const year = /^\s*(?:1[89]|20)\d\d\b/.test(text.slice(m.index! + m[0].length));
    // "May 13" is a date; "20 may die" and "in may be" are not.
    if (day > 31 || (name === 'may' && !m[4] && !year && !AFTER_MAY.test(text.slice(m.index! + m[0].length)))) continue;
    out.push({ month: MONTHS.indexOf(name.slice(0, 3)) + 1, ...(day ? { day } : {}), at: m.index!, text: m[0].trim() });
  }
  return out;
}

/** The month and day of a date field ("2018-08", "2010-01-20"); none for a year alone. */
export function datesNoted(date: string): DayOfYear[] {
  const m = /^\s*\d{4}-(\d{2})(?:-(\d{2}))?/.exec(date);
  return m ? [{ month: Number(m[1]), ...(m[2] ? { day: Number(m[2]) } : {}), at: 0, text: date.trim() }] : [];
}
