import { describe, expect, it } from 'vitest';
import { ClaimReader, reportedSpeech, withoutAttribution } from '../../src/core/claims.js';

const reader = new ClaimReader(
  {
    russia: ['russia', 'russian', 'moscow', 'soviet union', 'soviets'],
    pakistan: ['pakistan', 'pakistani', 'islamabad'],
    india: ['india'],
    china: ['china'],
  },
  [],
);
const frame = (text: string, verb: string) => reader.read(text).frames.get(verb)?.[0];

describe('reading a claim', () => {
  it('says who did what to whom around each verb', () => {
    expect(frame('Pakistan lifted its arms embargo on Russia in 2014.', 'lift')).toMatchObject({
      agent: 'pakistan',
      patient: 'russia',
      negated: false,
    });
    expect(frame('The embargo on Pakistan was lifted by Russia.', 'lift')).toMatchObject({
      agent: 'russia',
      patient: 'pakistan',
    });
  });

  it('reads a passive without "by" as naming what the deed was done to, and no doer', () => {
    expect(frame('The embargo on Pakistan was lifted in 2014.', 'lift')).toMatchObject({
      agent: null,
      patient: 'pakistan',
    });
    expect(frame('Joint Russian exercises are held every year.', 'hold')).toMatchObject({ agent: null, patient: null });
    expect(frame('Russia is building the pipeline.', 'build')).toMatchObject({ agent: 'russia' });
  });

  it("keeps a model's name whole among its words, and leaves the numbers out", () => {
    const read = reader.read('Pakistan agreed in 2014 to buy RD-93 engines and 4 Mi-35M helicopters.');
    expect(read.terms).toEqual(expect.arrayContaining(['rd93', 'mi35m', 'engin']));
    expect(read.terms).not.toContain('rd');
    expect(read.terms.some((t) => /^\d+$/.test(t))).toBe(false);
  });

  it('reads going to a place as a visit, and where things happened', () => {
    expect(frame('Pakistan went to Moscow for talks.', 'visit')).toMatchObject({
      agent: 'pakistan',
      patient: 'russia',
    });
    expect([...reader.read('The deal was signed in Moscow.').places]).toEqual(['russia']);
    expect(reader.read('Khan cancelled the Moscow visit.').whereabouts.map((s) => [...s.places])).toEqual([['russia']]);
  });

  it('does not take a party in a place for the agent', () => {
    expect(frame('an agreement signed in Islamabad allows Russia to train Pakistani soldiers', 'train')).toMatchObject({
      agent: 'russia',
      patient: 'pakistan',
    });
  });

  it('gives a verb joined by "and" the agent of the one before', () => {
    expect(frame('China is developing the port and selling submarines to Pakistan', 'sell')).toMatchObject({
      agent: 'china',
      patient: 'pakistan',
    });
  });

  it('gives a verb joined by ", and" the agent of the earlier verb of its own form', () => {
    expect(frame('Pakistan took Russia to court over trade issues, and obtained a ruling.', 'obtain')).toMatchObject({
      agent: 'pakistan',
    });
  });

  it('gives a relative clause\'s verb the party its "which" or "who" follows', () => {
    expect(frame('He praised Russia, which had offered a loan for the dam.', 'offer')).toMatchObject({
      agent: 'russia',
    });
    expect(frame('He praised Russia, which Pakistan had asked for a loan.', 'ask')).toMatchObject({
      agent: 'pakistan',
    });
    // In the passive the party before "which" is what it was done to.
    expect(frame('He praised Pakistan, which was attacked in 1971.', 'attack')?.agent).not.toBe('pakistan');
  });

  it('reads a length or an area in its base unit, counting its dimension', () => {
    const [km] = reader.read('The pipeline is about 1100 km long.').figures;
    const [kilometres] = reader.read('The pipeline is 1,100 kilometres long.').figures;
    const [miles] = reader.read('The pipeline is 1,100 miles long.').figures;
    expect(km?.nounTerms?.[0]).toBe('§length');
    expect(kilometres?.nounTerms?.[0]).toBe('§length');
    expect(kilometres?.low).toBe(1_100_000);
    expect(miles!.low).toBeGreaterThan(km!.high);
    expect(reader.read('The dam irrigates 200,000 hectares.').figures[0]?.nounTerms?.[0]).toBe('§area');
    expect(reader.read('The dam displaced 200,000 people.').figures[0]?.nounTerms).toEqual(['peopl']);
  });

  it('reads the side a clause sets against the agent, and the partner', () => {
    expect(frame('Russia supported Pakistan in the 1971 war against India', 'support')).toMatchObject({
      agent: 'russia',
      patient: 'pakistan',
      opposed: ['india'],
    });
    expect(frame('Pakistan manufactures the JF-17 with China', 'manufacture')).toMatchObject({
      agent: 'pakistan',
      partner: 'china',
    });
  });

  it('takes the word after a party named by its adjective for a noun ("Russian Prime Minister"), and after its name for a verb', () => {
    expect(reader.read('The Russian prime minister visited Pakistan.').frames.has('prime')).toBe(false);
    expect(frame('Pakistan mainly exports rice to Russia', 'export')).toMatchObject({
      agent: 'pakistan',
      patient: 'russia',
    });
    // After a possessive, the deed told as a noun: "Russia's exports to Pakistan".
    expect(frame("Russia's exports to Pakistan are mainly wheat", 'export')).toMatchObject({
      agent: 'russia',
      patient: 'pakistan',
    });
  });

  it('reads a deed told as a noun with who did it after "by"', () => {
    expect(frame('the talks followed a visit by the Pakistani army chief to Moscow', 'visit')).toMatchObject({
      agent: 'pakistan',
      patient: 'russia',
    });
    expect(
      frame('ties grew after a 2019 trip to Islamabad by the commander of the Russian forces', 'trip'),
    ).toMatchObject({ agent: 'russia', patient: 'pakistan' });
  });

  it('takes a party after "and" with a figure of its own for a second subject, not the object ("Russia holds 74% and Pakistan 26%")', () => {
    expect(frame('Russia holds 74 percent and Pakistan 26 percent', 'hold')).toMatchObject({
      agent: 'russia',
      patient: null,
    });
  });

  it("reads a plan or a negation in a passage's first sentence only: a joined second sentence is another statement", () => {
    const joined = reader.read(
      'Russia signed the agreement in Islamabad. It should be no surprise that Pakistan was pleased.',
    );
    expect(joined.modal).toBe(false);
    expect(joined.negated).toBe(false);
    expect(reader.read('Russia should sign the agreement. Pakistan was pleased.').modal).toBe(true);
    // A title's full stop ends no sentence: the negation after it is the first sentence's.
    expect(
      reader.read('Former Rep. Ron Smith said he "doesn\'t believe any loss of life has been inflated."').negated,
    ).toBe(true);
  });

  it('reads negation at the verb', () => {
    expect(frame('Russia never lifted its arms embargo on Pakistan', 'lift')?.negated).toBe(true);
    // A party in the subject's noun phrase ("Ambassador to Pakistan") is not who acted.
    expect(frame("Russia's Ambassador to Pakistan called on the new prime minister", 'call')?.agent).toBe('russia');
    expect(frame('India raised no objection to the drills', 'raise')?.negated).toBe(true);
  });

  it('gives a share or an amount to its own party', () => {
    const { figures } = reader.read('Pakistan holds a 26% share and Russia 74%');
    expect(figures.map((f) => [f.text, f.party])).toEqual([
      ['26%', 'pakistan'],
      ['74%', 'russia'],
    ]);
    expect(reader.read('providing for 26% of Pakistan’s share and 74% of Russia').figures.map((f) => f.party)).toEqual([
      'pakistan',
      'russia',
    ]);
  });

  it('tells a proposal or a plan from a report', () => {
    expect(reader.read('Russia plans to invest $14 billion').modal).toBe(true);
    expect(reader.read('Consider signing a deal for Su-35s').modal).toBe(true);
    expect(reader.read('Russia invested $14 billion').modal).toBe(false);
  });

  it('reads the deed a verb of negation governs as not done', () => {
    expect(frame('The government failed to prepare the doctors.', 'prepare')?.negated).toBe(true);
    expect(frame('Pakistan refused to buy the jets from Russia.', 'buy')?.negated).toBe(true);
    expect(frame('Pakistan agreed to buy the jets from Russia.', 'buy')?.negated).toBe(false);
  });

  it('dates a sentence that points back to the year of the one before it by that year', () => {
    const told = reader.read('The choice was made in 1949. That year, Pakistan cancelled a visit to Moscow.');
    expect(told.figures.filter((f) => f.kind === 'year').map((f) => f.text)).toEqual(['1949', '1949']);
    // A sentence with a year of its own keeps its own.
    const own = reader.read('The choice was made in 1949. That year, unlike in 1950, Pakistan cancelled a visit.');
    expect(own.figures.filter((f) => f.kind === 'year').map((f) => f.text)).toEqual(['1949', '1950']);
  });

  it('reads a story the source tells only as others tell it as someone’s words', () => {
    expect(reportedSpeech('A purportedly fateful choice was made in 1949.')).toBe(true);
    expect(reportedSpeech('The visit is said to have been cancelled.')).toBe(true);
    expect(reportedSpeech('The visit was cancelled in 1949.')).toBe(false);
  });

  it('reads a bound on a figure as no negation', () => {
    const bounded = reader.read('About 895,000 people moved into camps, and no more than 375,000 are still there.');
    expect(bounded.negated).toBe(false);
    expect(frame('No more than 375,000 people moved into camps.', 'move')?.negated).toBe(false);
    expect(reader.read('No people moved into camps.').negated).toBe(true);
  });

  it('reads a deed that remains to be done, or is yet to be, as not done', () => {
    expect(frame('The 30 gates of the dam remained to be installed.', 'install')?.negated).toBe(true);
    expect(frame('The report has yet to be publicly released.', 'release')?.negated).toBe(true);
    expect(frame('Russia has yet to sell the jets to Pakistan.', 'sell')?.negated).toBe(true);
    // Something else that remains is no negation of the deed after it.
    expect(frame('The gates that remained were installed in 2017.', 'install')?.negated).toBe(false);
  });

  it('reads a phrasal verb that means a verb of negation as that verb, negated', () => {
    expect(frame('Khan called off the visit to Moscow.', 'cancel')?.negated).toBe(true);
    expect(reader.read('Khan called off the visit to Moscow.').negated).toBe(true);
    // A phrasal verb that means no negation is read as before.
    expect(reader.read('Russia pulled out of Afghanistan.').negated).toBe(false);
    expect(reader.read('Khan called on the President in Moscow.').negated).toBe(false);
  });

  it('gives an infinitive the doer of the verb it follows, unless a party stands between', () => {
    expect(frame('Russia signed a deal to buy engines from Pakistan.', 'buy')?.agent).toBe('russia');
    expect(frame('Russia persuaded Pakistan to buy engines.', 'buy')?.agent).toBe('pakistan');
    expect(frame('The engines were sold to buy time.', 'buy')?.agent).toBeNull();
  });

  it('reads the month of a date as no verb', () => {
    expect([...reader.read('In March 2010 donors pledged money to Pakistan.').frames.keys()]).toEqual(['pledge']);
    expect(reader.read('On 12 March Russia pledged money.').frames.has('march')).toBe(false);
    expect(reader.read('The soldiers march to Pakistan.').frames.has('march')).toBe(true);
  });

  it('reads the name or party right after a first name as the name it is the first of', () => {
    expect(reader.read('Ingrid Bergqvist met Russia.').firstNames.get('ingrid')).toBe('bergqvist');
    expect(reader.read('Vladimir Russia met Khan.').firstNames.get('vladimir')).toBe('russia');
    expect(reader.read('The harbour was dredged.').firstNames.size).toBe(0);
  });

  it('reads a word written with a capital after a first name as its last name, though English knows the word', () => {
    expect(reader.read('Russia and Imran Khan met in Bishkek.').firstNames.get('imran')).toBe('khan');
    expect(reader.read('Russia and imran khan met in Bishkek.').firstNames.has('imran')).toBe(false);
  });

  it('takes the month May for no guess', () => {
    expect(reader.read('Russia signed the deal in May 2011.').modal).toBe(false);
    expect(reader.read('Russia signed the deal on 12 May.').modal).toBe(false);
    expect(reader.read('Russia may sign the deal.').modal).toBe(true);
  });

  it('keeps names for what the claim is about and sets parties and figures aside', () => {
    const r = reader.read('The Soviets built Pakistan Steel Mills in Karachi in 1973');
    expect(r.terms).toContain('karachi');
    expect(r.terms).not.toContain('1973');
    expect(r.names.map((n) => n[0])).toContain('karachi');
  });

  it('reads a fact without its attribution', () => {
    expect(withoutAttribution('According to Saleem Qamar Butt (2019), Russia lifted an arms embargo.')).toBe(
      'Russia lifted an arms embargo.',
    );
    expect(withoutAttribution('Korybko (2018) argues that relations are at their best.')).toBe(
      'relations are at their best.',
    );
    // A document without an author is named by its title, which may hold a colon of its own.
    expect(
      withoutAttribution('According to “Russia and Pakistan: expansion of partnerships”: “Wheat is exported.”'),
    ).toBe('Wheat is exported.”');
  });
});

describe('a claim of what someone said without "that"', () => {
  it('reads the clause said as the claim, after a verb of saying and a time', () => {
    expect(withoutAttribution('The prime minister said the last official count was 72,000 bodies.')).toBe(
      'the last official count was 72,000 bodies.',
    );
    expect(withoutAttribution('Russia said in 2019 it would invest $40 billion in energy.')).toBe(
      'it would invest $40 billion in energy.',
    );
  });

  it('leaves a verb of saying with an object, and a verb that takes one as often, as they are', () => {
    expect(withoutAttribution('The report said nothing about the camps.')).toBe(
      'The report said nothing about the camps.',
    );
    expect(withoutAttribution('The earthquake claimed the lives of 300,000 people.')).toBe(
      'The earthquake claimed the lives of 300,000 people.',
    );
    expect(withoutAttribution('The minister said a few words at the ceremony.')).toBe(
      'The minister said a few words at the ceremony.',
    );
  });
});

describe('reported speech', () => {
  it('is a sentence mostly inside quotation marks, closed or running to the end', () => {
    expect(reportedSpeech('The minister said, “the dam is a miracle of engineering and a gift to the nation.”')).toBe(
      true,
    );
    expect(
      reportedSpeech(
        'After the ceremony the minister said, "A campaign was launched against the dam, which is a miracle.',
      ),
    ).toBe(true);
    expect(reportedSpeech('The dam, which critics called a “white elephant”, was completed in 2006.')).toBe(false);
  });

  it('is what someone warned, alleged or believes, and not what they plainly said', () => {
    expect(reportedSpeech('Activists have warned that 40 villages will be flooded.')).toBe(true);
    expect(reportedSpeech('The opposition alleged that the tender was rigged.')).toBe(true);
    expect(reportedSpeech('The ministry said the tender closed in May.')).toBe(false);
  });

  it('is what one side maintains, with where it said so between the verb and "that"', () => {
    expect(reportedSpeech('The state government maintains in the petition that 93% of the survivors were fine.')).toBe(
      true,
    );
    expect(reportedSpeech('The company maintains the dam and its gates.')).toBe(false);
  });

  it("is a sentence that ends calling a thing something in someone's quoted words, not a quoted name", () => {
    expect(reportedSpeech('Earlier, the president called the U.S. response "an incredible unsung success."')).toBe(
      true,
    );
    expect(reportedSpeech('The two navies held joint drills called "Arab Monsoon".')).toBe(false);
  });
});

describe('a claim cut short', () => {
  it('is read without failing when it ends on "and" after a party', () => {
    expect(() => reader.read('Russia signed a deal with Pakistan and')).not.toThrow();
    expect(frame('Russia signed a deal with Pakistan and', 'sign')).toMatchObject({ agent: 'russia' });
  });
});
