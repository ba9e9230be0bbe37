/**
 * The benchmark's fixed query set: questions and claims people would type, some written
 * by hand and the rest drawn (deterministically, from a seed) from the real pack's facts,
 * with the misspellings, stray words and changed figures real users bring.
 *
 *   const { questions, claims } = benchQueries(loadPack('knowledge'), 42);   // ≥ 200 each
 */
import type { Pack } from '../src/knowledge/load.js';
import { STOP_WORDS, words } from '../src/core/tokens.js';
import { rng } from './synthetic.js';

const HANDWRITTEN_QUESTIONS = [
  'when did russia lift the arms embargo on pakistan',
  'how much did the mi-35 helicopters cost',
  'who built pakistan steel mills',
  'what is pakistan stream',
  'did putin ever visit pakistan',
  'how many mi35 did pakistan buy',
  'is russia selling su-35 jets to pakistan',
  'what are the druzhba drills',
  'when was the first druzhba exercise',
  'how big is russia pakistan trade',
  'what does india think of russia pakistan ties',
  'why did liaquat ali khan go to washington instead of moscow',
  'what happened in 1971 between the soviet union and pakistan',
  'what was the indo-soviet treaty of friendship',
  'how did the soviet war in afghanistan affect pakistan',
  'what role does china play in russia pakistan relations',
  'is pakistan joining the sco',
  'what is the north south gas pipeline and who pays for it',
  'rd-93 engines jf-17 thunder',
  'will russia sell s-400 to pakistan',
  'naval exercises russia pakistan arabian sea',
  'what did korybko say about a strategic partnership',
  'what did arif rafiq write about the rapprochement',
  'who is saleem qamar butt',
  'are russia and pakistan allies now',
  'what are the obstacles to russia pakistan partnership',
  'how did the us pakistan crisis of 2011 change things',
  'russian energy investment in pakistan billions',
  'lng deal between russia and pakistan',
  'is the partnership real or just talk',
  'what is the pivot state idea',
  'how much is the karachi lahore pipeline worth',
  'who will build the gas pipeline from karachi to lahore',
  'military training agreement pakistani officers in russia',
  'when did pakistan and russia sign a defence cooperation agreement',
  'what did the forum members say about pakistan',
  'did russia cancel the helicopter deal',
  'russia pakistan afghanistan taliban peace talks',
  'imran khan and putin meeting',
  'how many visits between russian and pakistani leaders',
  'russsia pakistan pipline',
  'sukhoi fighter jets for pakistan air force',
  'steel mill karachi soviet help 1970s',
  'does russia still sell weapons to india',
  'what is the rusi-hindi bhai bhai slogan',
  'why is moscow balancing south asia',
  'cpec and russia',
  'trade turnover between moscow and islamabad in 2017',
  'anti terrorism exercises in the mountains',
  'what does the kremlin want from islamabad',
];

const OFF_TOPIC = [
  'what is the capital of france',
  'best biryani recipe',
  'who won the cricket world cup in 1992',
  'how do i reset my password',
  'what is the weather in karachi tomorrow',
  'explain quantum computing',
  'tell me a joke',
  'how tall is mount everest',
  'who is the president of brazil',
  'how to learn typescript fast',
  'what time is it in tokyo',
  'recommend a good movie',
  'how many moons does jupiter have',
  'what is bitcoin worth today',
  'lyrics of a famous song',
  'how do vaccines work',
  'football scores last night',
  'translate hello into french',
  'is coffee healthy',
  'what is the speed of light',
];

const HANDWRITTEN_CLAIMS = [
  'Russia lifted its arms embargo on Pakistan in 2014',
  'Russia lifted its arms embargo on Pakistan in 2010',
  'Pakistan bought four Mi-35 helicopters from Russia',
  'The Mi-35 deal was worth $153 million',
  'The Mi-35 deal was worth $2 billion',
  'The Soviet Union built Pakistan Steel Mills',
  'The United States built Pakistan Steel Mills',
  'Putin visited Pakistan in 2012',
  'Putin never visited Pakistan',
  'Russia will build the Karachi-Lahore gas pipeline',
  'The gas pipeline costs $2 billion',
  'The first Druzhba exercise was held in 2016',
  'Pakistan joined the SCO as a full member in 2017',
  'Russia sold Su-35 jets to Pakistan',
  'Russia and Pakistan signed a defence cooperation agreement in 2014',
  'India opposed the Russia-Pakistan rapprochement',
  'Liaquat Ali Khan visited Moscow in 1950',
  'Liaquat Ali Khan visited Washington instead of Moscow',
  'Trade between Russia and Pakistan is worth $10 billion',
  'Russia is Pakistan’s largest arms supplier',
];

const QUESTION_FORMS: ((ws: string[], who: string | null, year: string | null) => string)[] = [
  (ws) => `what about ${ws.join(' ')}`,
  (ws) => `when did ${ws.join(' ')}`,
  (ws) => `tell me about ${ws.join(' ')}`,
  (ws) => `${ws.join(' ')}?`,
  (ws) => `how much ${ws.join(' ')}`,
  (ws) => `why ${ws.join(' ')}`,
  (ws) => `is it true that ${ws.join(' ')}`,
  (ws, who) => (who ? `what did ${who} say about ${ws.join(' ')}` : `who said ${ws.join(' ')}`),
  (ws, _w, year) => (year ? `what happened with ${ws.join(' ')} in ${year}` : `what happened with ${ws.join(' ')}`),
  (ws) => `can you explain ${ws.join(' ')} between russia and pakistan`,
];

const PARTY_SWAPS: [RegExp, string][] = [
  [/\bRussia\b/, 'India'],
  [/\bPakistan\b/, 'China'],
  [/\bMoscow\b/, 'Washington'],
  [/\bIslamabad\b/, 'New Delhi'],
];

/** A misspelling: two neighbouring letters swapped in the longest word. */
function typo(question: string, r: () => number): string {
  const ws = question.split(' ');
  let at = 0;
  ws.forEach((w, i) => {
    if (w.length > ws[at]!.length) at = i;
  });
  const w = ws[at]!;
  if (w.length < 6) return question;
  const k = 1 + Math.floor(r() * (w.length - 3));
  ws[at] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return ws.join(' ');
}

export interface QuerySet {
  questions: string[];
  claims: string[];
}

/** At least `count` questions and `count` claims, the same for the same pack and seed. */
export function benchQueries(pack: Pack, seed = 42, count = 220): QuerySet {
  const r = rng(seed);
  const facts = pack.facts.length ? pack.facts : [];
  const questions = [...HANDWRITTEN_QUESTIONS, ...OFF_TOPIC];
  const claims = [...HANDWRITTEN_CLAIMS];
  for (let _i = 0; facts.length > 0 && questions.length < count; _i++) {
    const f = facts[Math.floor(r() * facts.length)]!;
    const content = words(f.statement).filter((w) => !STOP_WORDS.has(w) && w.length > 2);
    if (content.length === 0) continue;
    const start = Math.floor(r() * Math.max(1, content.length - 3));
    const ws = content.slice(start, start + 2 + Math.floor(r() * 4));
    const who =
      /^(?:according to )?([A-Z][a-z]+)\b/i.exec(f.statement.replace(/^According to /, ''))?.[1]?.toLowerCase() ?? null;
    const year = /\b(19|20)\d\d\b/.exec(f.statement)?.[0] ?? null;
    let q = QUESTION_FORMS[Math.floor(r() * QUESTION_FORMS.length)]!(ws, who, year);
    if (r() < 0.12) q = typo(q, r);
    questions.push(q);
  }
  for (let _i = 0; facts.length > 0 && claims.length < count; _i++) {
    const f = facts[Math.floor(r() * facts.length)]!;
    // The claim a reader would make: the statement without its attribution.
    let c = f.statement
      .replace(
        /^(?:According to [^,]+, |[A-Z][\w. ]+ \(\d{4}\) (?:argues|judges|says|reports|claims|writes|notes) that )/,
        '',
      )
      .replace(/\.$/, '');
    const roll = r();
    if (roll < 0.25)
      c = c.replace(
        /\b(19|20)(\d\d)\b/,
        (_y, a: string, b: string) => `${a}${String((Number(b) + 1 + Math.floor(r() * 5)) % 100).padStart(2, '0')}`,
      );
    else if (roll < 0.45)
      c = c.replace(/(?<![\w-])(\d+(?:\.\d+)?)(?=\s*(?:million|billion|%|percent|helicopters|jets|years))/, (n) =>
        String(Number(n) * 3),
      );
    else if (roll < 0.55) c = c.replace(/\b(is|was|were|are|will|has|had|did)\b/, '$1 not');
    else if (roll < 0.7) {
      const [re, to] = PARTY_SWAPS[Math.floor(r() * PARTY_SWAPS.length)]!;
      c = c.replace(re, to);
    }
    claims.push(c);
  }
  return { questions, claims };
}
