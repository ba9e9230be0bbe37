import { describe, expect, it } from 'vitest';
import { DisputeIndex } from '../../src/core/citations.js';
import { ClaimReader } from '../../src/core/claims.js';
import type { Hit } from '../../src/core/fact-index.js';
import { rule, weigh, type Evidence } from '../../src/core/verdict.js';
import type { Fact, Topic } from '../../src/knowledge/schema.js';

const reader = new ClaimReader(
  {
    russia: ['russia', 'russian', 'moscow', 'soviets', 'soviet union'],
    pakistan: ['pakistan', 'pakistani', 'islamabad'],
    india: ['india'],
    china: ['china'],
    'united states': ['united states', 'usa'],
  },
  [],
);
const name = (p: string) => p;
let n = 0;
const fact = (statement: string, kind: Fact['kind'] = 'report', date?: string): Fact => ({
  id: `f${n++}`,
  statement,
  quote: statement,
  source: { document: 'd' },
  kind,
  topic: 't',
  tags: [],
  ...(date ? { date } : {}),
});
const hit = (f: Fact, coverage = 1): Hit => ({ fact: f, score: 1, coverage, rank: coverage, named: true });
const bearing = (claim: string, statement: string, kind: Fact['kind'] = 'report', coverage = 1) =>
  weigh(reader.read(claim), reader.readFact(fact(statement, kind)), hit(fact(statement, kind), coverage), false, name);

describe('how one fact bears on a claim', () => {
  it('is excluded by a report that counts the same things otherwise, in fewer of its words', () => {
    const told = 'The company paid compensation in 1989 on the basis of 3,000 deaths and 70,000 injuries.';
    const claim = 'The 1989 compensation was calculated on the basis of 15,000 deaths.';
    expect(bearing(claim, told, 'report', 0.5)).toMatchObject({ bearing: 'excludes' });
    // Below the paraphrase's coverage, or only someone's opinion, it is silent.
    expect(bearing(claim, told, 'report', 0.3).bearing).toBe('silent');
    expect(bearing(claim, told, 'opinion', 0.5).bearing).toBe('silent');
    // The same count, or a count of other things, excludes nothing.
    expect(
      bearing('The 1989 compensation was calculated on the basis of 3,000 deaths.', told, 'report', 0.5).bearing,
    ).not.toBe('excludes');
    expect(
      bearing('The 1989 compensation was calculated on the basis of 15,000 claims.', told, 'report', 0.5).bearing,
    ).not.toBe('excludes');
  });

  it('compares lengths in other units by their size', () => {
    const told = 'The pipeline from Karachi to Lahore is about 1100 km long.';
    expect(bearing('The pipeline from Karachi to Lahore is 1,100 miles long.', told).bearing).toBe('excludes');
    expect(bearing('The pipeline from Karachi to Lahore is 1,100 kilometres long.', told).bearing).toBe('states');
  });

  it('states it: same deed, same parties the same way round, same year', () => {
    expect(
      bearing(
        'Russia lifted its arms embargo on Pakistan in 2014.',
        'In 2014 Russia lifted an arms embargo against Pakistan.',
      ).bearing,
    ).toBe('states');
  });

  it('excludes another year for the same event', () => {
    const e = bearing(
      'Russia lifted its arms embargo on Pakistan in 2010.',
      'In 2014 Russia lifted an arms embargo against Pakistan.',
    );
    expect(e).toMatchObject({ bearing: 'excludes', detail: 'sources give 2014, not 2010' });
  });

  it('excludes another year for the same deed told as a phrasal verb ("pulled out" for "withdrew")', () => {
    const claim = 'Russia withdrew from the pipeline project in 1992.';
    expect(
      bearing(claim, 'Russia, which had offered a loan for the pipeline, pulled out in 1993 after protests.'),
    ).toMatchObject({ bearing: 'excludes', detail: 'sources give 1993, not 1992' });
    // A year of another deed in the same sentence is not the withdrawal's.
    expect(
      bearing(claim, 'Russia, which had offered a loan for the pipeline in 1990, signed a treaty in 1993.').bearing,
    ).not.toBe('excludes');
  });

  it('excludes the parties the other way round', () => {
    const e = bearing(
      'Pakistan lifted its arms embargo on Russia in 2014.',
      'In 2014 Russia lifted an arms embargo against Pakistan.',
    );
    expect(e.bearing).toBe('excludes');
    expect(e.detail).toMatch(/other way round/);
  });

  it('does not state a claim that only links its parties to what they are, from a passage without its words', () => {
    const passage = (statement: string): Fact => ({ ...fact(statement), id: `passage:d:${n++}` });
    const linked = (statement: string) =>
      weigh(
        reader.read('Russia and Pakistan have become strategic partners.'),
        reader.readFact(passage(statement)),
        hit(passage(statement)),
        false,
        name,
      ).bearing;
    expect(linked('Pakistan is becoming an important element of the Russian strategy.')).toBe('lacks');
    expect(linked('Russia and Pakistan have become strategic partners since 2014.')).toBe('states');
  });

  it('excludes another date or figure in the words of someone a report quotes, and states nothing by them', () => {
    const quoted = (claim: string) =>
      bearing(
        claim,
        'The minister said, "after the 7.0 magnitude earthquake struck Pakistan on January 12, the first task was shelter."',
      );
    expect(quoted('The earthquake struck Pakistan on May 13.')).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give january 12, not may 13',
    });
    expect(quoted('The earthquake struck Pakistan on January 12.').bearing).toBe('proposes');
    expect(
      bearing(
        'The earthquake struck Pakistan on May 13.',
        'The minister said, "after the earthquake struck Pakistan on January 12, the first task was shelter."',
        'opinion',
      ).bearing,
    ).toBe('proposes');
  });

  it('does not state a deed done with a partner from a fact that tells it of neither the doer nor the partner', () => {
    expect(
      bearing(
        'Pakistan builds the fighter together with Russia.',
        'Russia lifted its embargo on Pakistan, which buys engines for the domestically built fighter.',
      ).bearing,
    ).toBe('lacks');
    expect(
      bearing('Pakistan builds the fighter together with Russia.', 'Pakistan builds the fighter with Russia.').bearing,
    ).toBe('states');
  });

  it('compares the grade a label gives, whatever the noun after it', () => {
    const graded = (claim: string) => bearing(claim, 'In 2017 the storm hit Pakistan as a Category 4 hurricane.');
    expect(graded('In 2017 the storm hit Pakistan as a Category 5 storm.')).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give category 4, not category 5',
    });
    expect(graded('In 2017 the storm hit Pakistan as a Category 4 storm.').bearing).toBe('states');
  });

  it("excludes a deed where the claim's doer is only on its receiving end", () => {
    // The very same deed, done to the claim's doer by a name the claim gives: the parties swapped.
    expect(
      bearing('Russia took over Dow after the gas leak.', 'Dow took over Russia after the gas leak.'),
    ).toMatchObject({ bearing: 'excludes', detail: 'sources have it done to russia' });
    // Done to it beside its own doing of it, it excludes nothing.
    expect(
      bearing(
        'Russia took over Dow after the gas leak.',
        'Russia took over Dow after the gas leak, and Dow took over Russia.',
      ).bearing,
    ).not.toBe('excludes');
    expect(
      bearing('Russia took over Dow after the gas leak.', 'Russia took over Dow after the gas leak.').bearing,
    ).toBe('states');
  });

  it('excludes the agent backing the side the claim sets against it', () => {
    expect(
      bearing('Russia supported Pakistan in the 1971 war against India.', 'In the 1971 war Russia supported India.')
        .bearing,
    ).toBe('excludes');
  });

  it('states shares given the same way round, in other words, under a year the other figures tie to the same event', () => {
    expect(
      bearing(
        'Under the 2021 agreement Russia holds 74 percent and Pakistan 26 percent.',
        'In 2021, they signed an agreement giving 26% of the share to Pakistan and 74% to Russia.',
      ).bearing,
    ).toBe('states');
  });

  it('excludes shares swapped between the parties', () => {
    const e = bearing(
      'Pakistan holds a 74% share and Russia 26%.',
      'The agreement gives Pakistan a 26% share and Russia a 74% share.',
    );
    expect(e.bearing).toBe('excludes');
  });

  it('excludes by a plain statement what the claim says never happened', () => {
    expect(
      bearing('Russia never lifted its arms embargo on Pakistan.', 'Russia lifted an arms embargo against Pakistan.')
        .bearing,
    ).toBe('excludes');
  });

  it('excludes a claim whose doer the fact has the deed done to, by a party the claim names', () => {
    const e = bearing(
      'In 2014 Pakistan lifted an arms embargo it had imposed on Russia.',
      'In 2014 Russia lifted an arms embargo against Pakistan.',
    );
    expect(e.bearing).toBe('excludes');
    expect(e.detail).toMatch(/other way round/);
    // A party the claim does not name is someone else's deed, not the claim turned round.
    expect(
      bearing('Pakistan lifted an embargo in 2014.', 'In 2014 China lifted an embargo against Pakistan.').bearing,
    ).not.toBe('excludes');
  });

  it("takes no year from another party's deed", () => {
    const e = bearing(
      'In 1965 the United States imposed arms embargoes on India and Pakistan.',
      'Russia lifted an arms embargo against Pakistan in 2014.',
    );
    expect(e.bearing).not.toBe('excludes');
    expect(e.detail).not.toMatch(/2014/);
  });

  it('dates the event a claim names by a year whose clause only says it happened ("took place in 2016")', () => {
    const fact = 'In 2016, Russia and Pakistan conducted Druzhba, their first joint military drills.';
    expect(bearing('Druzhba, the first joint drills of Russia and Pakistan, took place in 2016.', fact).bearing).toBe(
      'states',
    );
    expect(bearing('Druzhba, the first joint drills of Russia and Pakistan, took place in 2015.', fact).bearing).toBe(
      'excludes',
    );
  });

  it("takes an open-ended figure as allowing a claim's figure, not as giving it", () => {
    const claim = 'Russia sold more than 70 helicopters to Pakistan.';
    expect(bearing(claim, 'Russia sold more than 46 helicopters to Pakistan.').bearing).toBe('lacks');
    expect(bearing(claim, 'Russia sold more than 80 helicopters to Pakistan.').bearing).toBe('states');
    expect(
      bearing('Russia sold about 72 helicopters to Pakistan.', 'Russia sold 72 helicopters to Pakistan.').bearing,
    ).toBe('states');
  });

  it('takes a timetable for a plan, unless another sentence of the fact tells what the claim says', () => {
    expect(bearing('Putin visited Pakistan in 2012.', 'Putin was scheduled to visit Pakistan in 2012.').bearing).toBe(
      'proposes',
    );
    expect(
      bearing(
        'It is the highest dam ever built in India.',
        'The minister is scheduled to open the Kevadia dam on Sunday. It is the highest dam in India.',
      ).bearing,
    ).toBe('states');
  });

  it("takes a range as allowing a claim's exact figure inside it, not as giving it", () => {
    const range = 'Russia signed a $2-2.5 billion pipeline deal with Pakistan.';
    expect(bearing('Russia signed a $2 billion pipeline deal with Pakistan.', range)).toMatchObject({
      bearing: 'lacks',
      gap: 'figure',
    });
    expect(bearing('Russia signed a $2-2.5 billion pipeline deal with Pakistan.', range).bearing).toBe('states');
    expect(bearing('Russia signed a $3 billion pipeline deal with Pakistan.', range).bearing).toBe('excludes');
  });

  it('does not take a year from another event of the same fact', () => {
    const e = bearing(
      'Russia lifted its arms embargo on Pakistan in 1965.',
      'In 1965 the United States imposed arms embargoes, and in 2014 Russia lifted an arms embargo against Pakistan.',
    );
    expect(e.bearing).toBe('excludes');
    expect(e.detail).toBe('sources give 2014, not 1965');
  });

  it('never takes a proposal, a plan, an opinion or a forum claim for proof', () => {
    expect(
      bearing('Russia invested $14 billion in Pakistan.', 'Russia plans to invest $14 billion in Pakistan.').bearing,
    ).toBe('proposes');
    expect(
      bearing('Russia sold Su-35 jets to Pakistan.', 'Russia sold Su-35 jets to Pakistan.', 'proposal').bearing,
    ).toBe('proposes');
    expect(bearing('Russia denied any Su-35 talks.', 'Russia denied any Su-35 talks.', 'forum_claim').detail).toBe(
      'only claimed by a forum member',
    );
  });

  it('excludes another rank by the same measure of the same things, and states the same rank', () => {
    expect(
      bearing('The bridge is the highest bridge in Europe.', 'It is the third highest bridge in Europe.'),
    ).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give third highest, not highest',
    });
    expect(
      bearing('The tower is the biggest tower by volume.', 'The tower is the largest tower by volume.').bearing,
    ).toBe('states');
    // Another measure is another rank: the highest is not contradicted by the second longest.
    expect(
      bearing(
        'The bridge is the highest bridge in Europe.',
        'The bridge is the second longest and the highest bridge in Europe.',
      ).bearing,
    ).toBe('states');
  });

  it("takes someone's quoted words or their warning as what they said, not as what happened", () => {
    const quoted = bearing(
      'The dam is an engineering miracle.',
      'The minister said, "the dam is an engineering miracle."',
    );
    expect(quoted.bearing).toBe('proposes');
    expect(
      bearing(
        'Thousands of families will lose their homes.',
        'Activists warned that thousands of families will lose their homes.',
      ).bearing,
    ).toBe('proposes');
    // Reported plainly, it is the source's own statement.
    expect(
      bearing('The dam is an engineering miracle.', 'The dam is an engineering miracle, the minister said.').bearing,
    ).toBe('states');
  });

  it("needs a source's own sentence to say the deed, not only to name it in a list of plans", () => {
    const passage = (statement: string) => ({ ...fact(statement), id: `passage:d:${n++}` });
    const weighPassage = (claim: string, statement: string) =>
      weigh(reader.read(claim), reader.readFact(passage(statement)), hit(passage(statement)), false, name);
    expect(
      weighPassage(
        'Russia and Pakistan have simplified visa procedures.',
        'Tourism: joint hotel projects and simplification of visa procedures between Russia and Pakistan.',
      ),
    ).toMatchObject({
      bearing: 'lacks',
      detail: 'the sources do not say it was done',
    });
    expect(
      weighPassage(
        'Russia and Pakistan simplified visa procedures.',
        'In 2019 Russia and Pakistan simplified visa procedures.',
      ).bearing,
    ).toBe('states');
    // A verb of the source's that WordNet gives the claim's verb as meaning the same says the deed.
    expect(
      weighPassage(
        'Russia received the foreign minister of Pakistan in the capital.',
        'Russia welcomes the foreign minister of Pakistan in the capital.',
      ).bearing,
    ).toBe('states');
    expect(
      weighPassage(
        'Russia expelled the foreign minister of Pakistan from the capital.',
        'Russia welcomes the foreign minister of Pakistan in the capital.',
      ).bearing,
    ).toBe('lacks');
    // A verb WordNet gives as a way of doing the claim's deed says it, where the rest of the claim is there too.
    expect(
      weighPassage(
        'Russia sought a loan from the bank of Pakistan.',
        'Russia pursued a loan from the bank of Pakistan.',
      ).bearing,
    ).toBe('states');
    // Not the other way round: to seek is not to pursue.
    expect(
      weighPassage(
        'Russia pursued a loan from the bank of Pakistan.',
        'Russia sought a loan from the bank of Pakistan.',
      ).bearing,
    ).toBe('lacks');
    // Nor with a word of the claim missing: a way of doing one sense of the verb may not be the deed.
    expect(
      weighPassage(
        'Russia sought a large loan from the bank of Pakistan.',
        'Russia pursued a loan from the bank of Pakistan.',
      ).bearing,
    ).toBe('lacks');
    // An act told by its noun, with who did it after "by", says the verb WordNet derives the noun from.
    expect(
      weighPassage(
        'Pakistan acquired attack helicopters from Russia.',
        'The most significant deal was the acquisition by Pakistan of attack helicopters from Russia.',
      ).bearing,
    ).toBe('states');
    // Without a doer, the noun only names the deed, as a list of plans does.
    expect(
      weighPassage(
        'Pakistan acquired attack helicopters from Russia.',
        'Plans of Pakistan and Russia: acquisition of attack helicopters.',
      ).bearing,
    ).toBe('lacks');
    // A noun WordNet derives from the claim's verb, beside the claim's very figure, says the deed:
    // "2,500 deaths by 1985" tells that 2,500 died; without the figure it only names it.
    expect(
      weighPassage(
        'Pakistan agreed a deal worth $153 million for attack helicopters.',
        'In 2014 Pakistan reached an agreement that included a $153 million deal for attack helicopters.',
      ).bearing,
    ).toBe('states');
    expect(
      weighPassage(
        'Pakistan agreed a deal for attack helicopters.',
        'Plans of Pakistan: an agreement on a deal for attack helicopters.',
      ).bearing,
    ).toBe('lacks');
    // "consist of", "include" only link the claim's words: there is no deed to be done.
    expect(
      weighPassage(
        'Exports from Pakistan to Russia consist of textiles and leather goods.',
        'Export from Pakistan to Russia: textiles, leather goods.',
      ).bearing,
    ).toBe('states');
    // A share given the same party says what is held, whatever the verb.
    const shares = 'The pipeline agreement provides for 74% for Russia and 26% for Pakistan.';
    expect(weighPassage('Under the pipeline agreement Russia holds 74% and Pakistan 26%.', shares).bearing).toBe(
      'states',
    );
    expect(weighPassage('Under the pipeline agreement Russia holds 26% and Pakistan 74%.', shares).bearing).toBe(
      'excludes',
    );
  });

  it('takes the year a sentence points back to for the year of what it tells', () => {
    const told = 'The choice was made in 1949. That year, Pakistan cancelled its visit to Moscow.';
    expect(bearing('In 1950 Pakistan cancelled its visit to Moscow.', told)).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give 1949, not 1950',
    });
    expect(bearing('In 1949 Pakistan cancelled its visit to Moscow.', told).bearing).toBe('states');
    // Told only as others tell it, the story is someone's words.
    const hedged = 'A purportedly fateful choice was made in 1949. That year, Pakistan cancelled its visit to Moscow.';
    expect(bearing('In 1949 Pakistan cancelled its visit to Moscow.', hedged).bearing).toBe('proposes');
  });

  it('is excluded by a report that the deed remains to be done', () => {
    const claim = 'All 30 gates of the dam had been installed.';
    expect(bearing(claim, 'The 30 gates of the dam remained to be installed.')).toMatchObject({
      bearing: 'excludes',
      detail: 'sources say it did not happen',
    });
    expect(bearing(claim, 'The 30 gates of the dam were installed.').bearing).toBe('states');
  });

  it('never lets a plain statement state what the claim says did not happen, nor a negated one state what did', () => {
    expect(
      bearing(
        'Pakistan has no interest in long-term gas contracts.',
        'Pakistan is interested in long-term gas deals and contracts.',
      ),
    ).toMatchObject({
      bearing: 'excludes',
      detail: 'sources say it did happen',
    });
    expect(
      bearing(
        'Pakistan is interested in long-term gas contracts.',
        'Pakistan is not interested in long-term gas deals and contracts.',
      ).bearing,
    ).not.toBe('states');
  });

  it('leaves a claim unverified where it gives a figure the fact does not', () => {
    expect(
      bearing('The first drills in 2016 involved 200 Russian troops.', 'The first drills were held in 2016.').bearing,
    ).toBe('lacks');
  });

  it('is silent about a fact on another buyer', () => {
    expect(bearing('Russia sold helicopters to Pakistan.', 'Russia sold helicopters to India.').bearing).not.toBe(
      'excludes',
    );
  });

  it('never states a claim whose party the fact replaces with another, nor a place the fact does not give', () => {
    const enterprise = 'In 1971 the United States sent a carrier to the Bay of Bengal in support of Pakistan.';
    expect(bearing('In 1971 the US sent a carrier to the Bay of Bengal in support of India.', enterprise).bearing).toBe(
      'lacks',
    );
    expect(
      bearing('In 1971 the US sent a carrier to the Bay of Bengal in support of Pakistan.', enterprise).bearing,
    ).toBe('states');
    // A party the claim names alone is not named by a pair: "Russia-Pakistan ties" says nothing of a Pakistani analyst.
    const bio = 'Korybko, who writes on Russia-Pakistan ties, is an American analyst based in Moscow.';
    expect(bearing('Korybko is a Pakistani analyst based in Islamabad.', bio).bearing).toBe('lacks');
    const deal = 'In 2021 Russia and Pakistan signed the pipeline agreement.';
    expect(bearing('The pipeline agreement was signed in Moscow in 2021.', deal).bearing).toBe('lacks');
    expect(
      bearing(
        'The pipeline agreement was signed in Moscow in 2021.',
        'In 2021 the pipeline agreement was signed in Moscow.',
      ).bearing,
    ).toBe('states');
  });

  it("takes the year a curator's statement gives where the quote says only 'that year', but not the year of the report", () => {
    const curated = (statement: string, quote: string): Fact => ({ ...fact(statement), quote });
    const lifted = curated(
      'Russia lifted an arms embargo against Pakistan in 2014.',
      'During that year, Russia lifted an arms embargo.',
    );
    const claim = reader.read('Russia lifted its arms embargo on Pakistan in 2010.');
    expect(weigh(claim, reader.readFact(lifted), hit(lifted), false, name)).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give 2014, not 2010',
    });
    const reported = curated(
      'Arif Rafiq reported in September 2015 that Moscow had lifted an arms embargo on Pakistan.',
      'Moscow has lifted an arms embargo on Islamabad.',
    );
    expect(weigh(claim, reader.readFact(reported), hit(reported), false, name).bearing).toBe('lacks');
  });

  it("falls back on the curator's date where the source gives no year for the same event, never against one it gives", () => {
    const naval = fact(
      'Russia and Pakistan sealed a naval deal after Pakistani sailors attended a parade in July 2018.',
      'report',
      '2018-08',
    );
    const claim = (year: number) => reader.read(`Russia and Pakistan sealed a naval deal in ${year}.`);
    expect(weigh(claim(2018), reader.readFact(naval), hit(naval), false, name).bearing).toBe('states');
    expect(weigh(claim(2016), reader.readFact(naval), hit(naval), false, name).bearing).not.toBe('states');
  });

  it("takes an opinion piece's dated account of an event as its report, and its undated judgement as opinion", () => {
    const opinion = (statement: string) => ({ ...fact(statement, 'opinion'), id: `passage:blog:${n++}` });
    const weighOpinion = (claim: string, statement: string) =>
      weigh(reader.read(claim), reader.readFact(opinion(statement)), hit(opinion(statement)), false, name).bearing;
    const claim = 'Russia lifted its arms embargo on Pakistan in 2014.';
    expect(weighOpinion(claim, 'In 2014, Russia lifted an arms embargo against Pakistan.')).toBe('states');
    expect(
      weighOpinion('Russia lifted its arms embargo on Pakistan.', 'Russia lifted an arms embargo against Pakistan.'),
    ).toBe('proposes');
    expect(weighOpinion(claim, 'In 2014, Russia should have lifted an arms embargo against Pakistan.')).toBe(
      'proposes',
    );
  });

  it('lets an opinion sentence dated by pointing back ("that year") exclude another figure, never state the claim', () => {
    const pointing = (statement: string) => ({
      ...fact(statement, 'opinion', '2014'),
      id: `passage:blog:${n++}`,
    });
    const weighPointing = (claim: string, statement: string) =>
      weigh(reader.read(claim), reader.readFact(pointing(statement)), hit(pointing(statement)), false, name);
    const told =
      'During that year, Russia lifted an arms embargo, and Pakistan signed a $153 million deal for helicopters.';
    expect(weighPointing('Pakistan signed a $500 million deal for helicopters.', told)).toMatchObject({
      bearing: 'excludes',
      detail: 'sources give $153 million, not $500 million',
    });
    expect(weighPointing('Pakistan signed a $153 million deal for helicopters.', told).bearing).toBe('proposes');
    // Its plans stay plans.
    expect(
      weighPointing(
        'Pakistan signed a $500 million deal for helicopters.',
        'During that year, Pakistan should have signed a $153 million deal for helicopters.',
      ).bearing,
    ).toBe('proposes');
  });

  it('compares two bare numbers as counts of the same thing', () => {
    const told = 'In December a newspaper put its estimate of the toll at about 1,052.';
    expect(bearing('A newspaper put the toll at about 1,052 in December.', told).bearing).toBe('states');
    expect(bearing('A newspaper put the toll at about 2,052 in December.', told).bearing).not.toBe('states');
  });

  it('never states a deed the fact has another party do', () => {
    expect(
      bearing(
        'In 2014 Pakistan lifted an arms embargo it had imposed on Russia.',
        'In 2014 Russia lifted an arms embargo.',
      ).bearing,
    ).not.toBe('states');
  });

  it('puts a deed where the sentence that tells it puts it, not where the next sentence goes', () => {
    const two =
      'The deputy minister went to Islamabad and signed a training agreement. The army chief then came to Moscow for talks.';
    expect(bearing('The deputy minister signed the training agreement in Moscow.', two).bearing).toBe('lacks');
    expect(bearing('The deputy minister signed the training agreement in Islamabad.', two).bearing).toBe('states');
    // "at Russian institutions" names no place.
    expect(bearing('The deputy minister signed a training agreement at Russian institutions.', two).bearing).toBe(
      'states',
    );
  });

  it('takes going to a place for a visit to it', () => {
    expect(
      bearing(
        "The commission was set up after Pakistan's speaker went to Moscow.",
        "The commission was set up after a visit to Moscow by Pakistan's speaker.",
      ).bearing,
    ).toBe('states');
  });

  it('needs the place a visit went to, however the fact names it', () => {
    const visit = 'The commission was set up after a visit to Moscow by the speaker of Pakistan.';
    expect(bearing("The commission was set up after Russia's speaker visited Islamabad.", visit).bearing).toBe('lacks');
    const moscowVisit = 'Khan cancelled the Moscow visit in 1949.';
    expect(bearing('Khan cancelled a visit to Moscow in 1949.', moscowVisit).bearing).not.toBe('lacks');
  });

  it("is not set against a claim's verb of negation that the fact tells negated in a later sentence", () => {
    const told = 'Khan was invited to Moscow in 1949. However, Khan cancelled the Moscow visit and went to Washington.';
    const claim = 'Khan cancelled a visit to Moscow in 1949.';
    expect(bearing(claim, told).bearing).not.toBe('excludes');
    // Told with no negation at all, the claim that it was cancelled is excluded still.
    expect(bearing(claim, 'Khan was invited to Moscow in 1949. Khan made the Moscow visit in 1949.').bearing).toBe(
      'excludes',
    );
  });

  it("takes a person named by the last name alone for the claim's, unless the source gives another first name", () => {
    const claim = 'Ingrid Bergqvist opened the harbour in Tromso in 2016.';
    expect(bearing(claim, 'President Bergqvist opened the harbour in Tromso in 2016.').bearing).toBe('states');
    expect(bearing(claim, 'In 2016 Lars Bergqvist opened the harbour in Tromso.').bearing).toBe('silent');
  });

  it("does not take a fact where the side the claim has it come from acts, with the claim's doer its partner, for the claim", () => {
    const told = 'In 2015, Pakistan closed a deal with Russia to import Klimov engines for its jets.';
    expect(bearing('Russia buys Klimov engines from Pakistan for its jets.', told).bearing).not.toBe('states');
    expect(bearing('Pakistan buys Klimov engines from Russia for its jets.', told).bearing).not.toBe('excludes');
  });

  it('needs every name the claim writes with a capital, though it is one letter from an English word', () => {
    const drills = 'The first joint drills of Russia and Pakistan were held in Pakistan in 2016.';
    expect(bearing('The first joint drills of Russia and Pakistan were held at Cherat in 2016.', drills).bearing).toBe(
      'silent',
    );
  });

  it('takes another verb of the same deed for it: another partner in it excludes the claim', () => {
    expect(
      bearing(
        'Pakistan builds the JF-17 fighter together with Russia.',
        'Pakistan jointly manufactures the JF-17 aircraft with China.',
      ).bearing,
    ).toBe('excludes');
  });

  it("needs no light verb ('take') where the source gives the claim's figure and nearly all its other words", () => {
    const passage = (statement: string) => ({ ...fact(statement), id: `passage:d:${n++}` });
    const weighPassage = (claim: string, statement: string) =>
      weigh(reader.read(claim), reader.readFact(passage(statement)), hit(passage(statement)), false, name).bearing;
    expect(
      weighPassage('The agency takes 230,000 dead as its toll.', 'The agency uses 230,000 dead as its toll.'),
    ).toBe('states');
    // Without the figure, or with a verb that tells a deed, the verb is still needed.
    expect(weighPassage('The agency takes the toll.', 'The agency uses the toll.')).toBe('lacks');
    expect(
      weighPassage('The agency cut 230,000 dead from its toll.', 'The agency uses 230,000 dead as its toll.'),
    ).toBe('lacks');
  });

  it('excludes the deed with the side it comes from the other way round', () => {
    const claim = 'Russia buys RD-93 engines from Pakistan.';
    expect(bearing(claim, 'The agreement allows Pakistan to buy RD-93 engines directly from Russia.').detail).toBe(
      'sources have russia and pakistan the other way round',
    );
    expect(bearing(claim, 'Russia now buys RD-93 engines from Pakistan.').bearing).toBe('states');
  });

  it('takes a denied belief in the deed for saying it did not happen, any other negation for a gap', () => {
    const claim = 'Russia said the toll of the war had been inflated.';
    expect(bearing(claim, 'Russia said it does not believe the toll of the war had been inflated.').bearing).toBe(
      'excludes',
    );
    expect(bearing(claim, 'Russia said the toll of the war had been inflated, not Pakistan.').bearing).not.toBe(
      'excludes',
    );
  });

  it("matches a year's clause through the nouns WordNet relates ('arms' for 'weapons')", () => {
    expect(
      bearing(
        'Russia ended the weapons embargo on Pakistan in 2016.',
        'Russia lifted the arms embargo on Pakistan in 2014.',
      ).detail,
    ).toBe('sources give 2014, not 2016');
  });

  it('is silent where the fact covers too little of the claim', () => {
    expect(
      bearing('Russia lifted its arms embargo on Pakistan.', 'Russia lifted an arms embargo.', 'report', 0.3).bearing,
    ).toBe('silent');
  });
});

describe('ruling on the evidence', () => {
  const e = (bear: Evidence['bearing'], f = fact('x'), detail = 'd'): Evidence => ({
    hit: hit(f),
    bearing: bear,
    detail,
  });
  const none = new DisputeIndex([]);
  const never = () => false;

  it('supported only when a report states it and nothing excludes it', () => {
    expect(rule([e('states'), e('silent')], none, never).verdict).toBe('supported');
    expect(rule([e('states'), e('excludes')], none, never).verdict).toBe('disputed');
    expect(rule([e('excludes', fact('x'), 'sources give 2014, not 2010')], none, never)).toMatchObject({
      verdict: 'contradicted',
      why: 'sources give 2014, not 2010',
    });
  });

  it('supported between two reports only where one gives who did it to whom and the other the figure', () => {
    const claim = reader.read('Russia sold four helicopters to Pakistan in 2015.');
    const weighed = (statement: string) =>
      weigh(claim, reader.readFact(fact(statement)), hit(fact(statement)), false, name);
    const roles = weighed('Russia sold helicopters to Pakistan.');
    expect(roles.gap).toBe('figure');
    const figure = weighed('Four helicopters were sold in 2015.');
    const unrelated = weighed('China sold jets to Pakistan.');
    expect(unrelated.gap).toBeUndefined();
    expect(rule([roles, unrelated], none, never).verdict).toBe('unverified');
    expect(figure.gap).toBe('roles');
    expect(rule([roles, figure], none, never).verdict).toBe('supported');
    // The claim's doer acting beside another party gives the year of the same deed; another party alone does not.
    const backed = reader.read('Russia backed India in the 1971 war.');
    const weigh1971 = (statement: string) =>
      weigh(backed, reader.readFact(fact(statement)), hit(fact(statement)), false, name);
    expect(weigh1971('Russia and China backed opposite sides during the 1971 war.').gap).toBe('roles');
    expect(weigh1971('China backed Pakistan during the 1971 war.').gap).toBeUndefined();
  });

  it('unverified when only proposed, or a detail is missing, or nothing is said', () => {
    expect(rule([e('proposes', fact('x'), 'only an opinion')], none, never)).toMatchObject({
      verdict: 'unverified',
      why: 'only an opinion',
    });
    expect(rule([e('lacks', fact('x'), 'the sources do not give the year')], none, never).verdict).toBe('unverified');
    expect(rule([e('silent')], none, never).verdict).toBe('unverified');
  });

  it("disputed when the stating fact is one side of a disagreement about the claim's point", () => {
    const side = fact('Talks on a Su-35 sale were under way.');
    const other = fact('Russia denied any Su-35 talks.', 'forum_claim');
    const topic: Topic = {
      id: 'su35',
      name: 'Su-35',
      area: 'military',
      disagreement: {
        summary: 'Sources disagree on the Su-35 talks.',
        positions: [
          { label: 'talks', facts: [side.id] },
          { label: 'denied', facts: [other.id] },
        ],
      },
    };
    const disputes = new DisputeIndex([topic]);
    expect(rule([e('states', side), e('proposes', other)], disputes, never).verdict).toBe('disputed');
    expect(rule([e('states', side)], disputes, () => true).verdict).toBe('disputed');
    expect(rule([e('states', side)], disputes, never).verdict).toBe('supported');
    // Only the forum's side speaks to the claim, as a forum claim: still disputed, with its point as the reason.
    expect(rule([e('proposes', other)], disputes, () => true)).toMatchObject({
      verdict: 'disputed',
      why: 'Sources disagree on the Su-35 talks.',
    });
    expect(rule([e('proposes', other)], disputes, never).verdict).toBe('unverified');
  });

  it("disputed when the other side is a passage holding the quote of that side's curated fact", () => {
    const held = fact('A strategic partnership may come.', 'opinion');
    const sideFact = fact('The strategic partnership entered a new phase.', 'opinion');
    const passage = { ...fact('The strategic partnership entered a new phase last week.'), id: 'passage:d:1' };
    const topic: Topic = {
      id: 'partnership',
      name: 'Partnership',
      area: 'assessment',
      disagreement: {
        summary: 'Sources disagree on how real the partnership is.',
        positions: [
          { label: 'may come', facts: [held.id] },
          { label: 'new phase', facts: [sideFact.id] },
        ],
      },
    };
    const quoting = new DisputeIndex([topic], (id) => (id === passage.id ? [sideFact.id] : []));
    expect(rule([e('proposes', held), e('lacks', passage)], quoting, never).verdict).toBe('disputed');
    expect(rule([e('proposes', held), e('lacks', passage)], new DisputeIndex([topic]), never).verdict).toBe(
      'unverified',
    );
  });
});

describe('a deed told as done beside a clause that plans something else', () => {
  it('states the deed told before a relative clause that predicts', () => {
    expect(
      bearing(
        'Russia and India signed the friendship treaty in 1971.',
        'In 1971 Russia and India signed the friendship treaty, which bound each to defend the other if either were attacked.',
      ).bearing,
    ).toBe('states');
    expect(
      bearing(
        'Russia built a gas pipeline from the port to the capital.',
        'Russia built a gas pipeline from the port (where new gas will be landed) to the capital.',
      ).bearing,
    ).toBe('states');
  });

  it('still only proposes a deed the planning words govern, or told after them', () => {
    expect(
      bearing(
        'Russia sold fighter jets to Pakistan.',
        'Russia plans to sell fighter jets to Pakistan, which would strengthen its air force.',
      ).bearing,
    ).toBe('proposes');
    expect(
      bearing('Russia sold fighter jets to Pakistan.', 'Russia said that it would sell fighter jets to Pakistan.')
        .bearing,
    ).toBe('proposes');
    expect(
      bearing(
        'Russia sold fighter jets to Pakistan.',
        'Pakistan, which signed a deal, could buy fighter jets that Russia would sell.',
      ).bearing,
    ).not.toBe('states');
  });
});
