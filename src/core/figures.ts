/**
 * Finds the figures in a sentence — years, money, percentages and counts — as numeric
 * ranges, so that "$153 million" equals "153m" and "more than $10 billion" can be seen
 * to contradict "$700-900 million".
 */

export type FigureKind = 'year' | 'money' | 'percent' | 'count';

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
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
};

// A number that is part of a name ("mi35m", "su-35") is not a figure.
const NUM = String.raw`(?<![a-z0-9.-])(\d+(?:[.,]\d+)*)`;
const QUALIFIER = String.raw`(more than|over|above|at least|in excess of|less than|under|below|up to|at most|about|around|nearly|almost|approximately|roughly|some)?\s*`;
const RANGE_END = String.raw`(\d+(?:[.,]\d+)*)`;
const MONEY = new RegExp(
  String.raw`${QUALIFIER}(?:us\s*)?(\$|usd\s*)?\s*${NUM}(?:\s*(?:-|to)\s*\$?\s*${RANGE_END})?\s*(thousand|million|billion|trillion|mln|mn|bn|k|m|b)?\b(\s*(?:dollars|usd))?`,
  'g',
);
const SEVERAL = /\b(several|a few|many|billions of|millions of)\s*(billion|million)?\s*(?:dollars|usd)?/g;
const PERCENT = new RegExp(String.raw`${QUALIFIER}${NUM}\s*(?:%|percent\b|per cent\b)`, 'g');
const YEAR = /\b(1[89]\d\d|20\d\d)(s)?\b/g;

const toNumber = (s: string): number => Number(s.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));

/** Widens a value into the range a qualifier implies. */
function qualify(q: string | undefined, low: number, high: number): [number, number] {
  switch (q) {
    case 'more than': case 'over': case 'above': case 'at least': case 'in excess of':
      return [low, Infinity];
    case 'less than': case 'under': case 'below': case 'up to': case 'at most':
      return [0, high];
    case 'about': case 'around': case 'nearly': case 'almost': case 'approximately': case 'roughly': case 'some':
      return [low * 0.8, high * 1.2];
    default:
      return [low, high];
  }
}

/** Figures in a text, left to right. Text should already be lower case. */
export function figures(input: string): Figure[] {
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
  for (const m of text.matchAll(MONEY)) {
    const [, q, dollar, a, b, unit, dollars] = m;
    const start = m.index! + m[0].indexOf(a!);
    // A bare number is money only with a currency mark or a scale word.
    if (!dollar && !dollars && !unit) continue;
    // A one-letter scale counts only when attached: "153m" is money, "4 m" is not.
    if (!dollar && !dollars && unit && unit.length <= 2 && !new RegExp(`\\d${unit}$`).test(m[0].trimEnd())) continue;
    if (!free(start, m.index! + m[0].length)) continue;
    const scale = unit ? SCALE[unit]! : 1;
    let lowV = toNumber(a!) * scale;
    let highV = toNumber(b ?? a!) * scale;
    if (b && lowV > highV) [lowV, highV] = [highV, lowV];
    const [low, high] = qualify(q, lowV, highV);
    out.push({ kind: 'money', low, high, at: start, text: m[0].trim() });
    take(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(SEVERAL)) {
    if (!free(m.index!, m.index! + m[0].length) || !m[2] && !m[1]!.endsWith('of')) continue;
    const scale = m[2] === 'million' || m[1] === 'millions of' ? 1e6 : 1e9;
    const [low, high] = m[1]!.endsWith('of') ? [scale, scale * 1000] : [2 * scale, 9.99 * scale];
    out.push({ kind: 'money', low, high, at: m.index!, text: m[0].trim() });
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
  const COUNT = new RegExp(String.raw`\b(\d+(?:,\d{3})*|${Object.keys(NUMBER_WORDS).join('|')})\b((?:\s+[a-z][a-z0-9-]*){1,3})?`, 'g');
  for (const m of text.matchAll(COUNT)) {
    if (!free(m.index!, m.index! + m[1]!.length)) continue;
    if (/[a-z0-9]-?$/.test(text.slice(Math.max(0, m.index! - 2), m.index!))) continue; // part of "su-35"
    const value = NUMBER_WORDS[m[1]!] ?? toNumber(m[1]!);
    out.push({ kind: 'count', low: value, high: value, at: m.index!, text: `${m[1]} ${(m[2] ?? '').trim().split(' ')[0] ?? ''}`.trim(), noun: (m[2] ?? '').trim() });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** True when two figures can describe the same quantity. */
export const overlaps = (a: Figure, b: Figure): boolean => a.low <= b.high && b.low <= a.high;
