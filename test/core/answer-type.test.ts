import { describe, expect, it } from 'vitest';
import { askedOf, namesAnother, namesDate, clipped, gives } from '../../src/core/answer-type.js';

const none = askedOf('');

describe('answer types', () => {
  it('a day, when the question asks on what date', () => {
    expect(gives('they met on 14 June in Bishkek', 'day', none)).toBe(true);
    expect(gives('they met in June 2019', 'day', none)).toBe(false);
  });

  it('a count of what the question counts', () => {
    const su35 = askedOf('su-35s did pakistan want', undefined, 'su-35s');
    expect(gives('Pakistan wants four Su-35 jets', 'count', su35)).toBe(true);
    expect(gives('Pakistan may buy twelve T-50 fighters', 'count', su35)).toBe(false);
    expect(gives('a $2 billion pipeline', 'amount', askedOf('gas will it carry', undefined, 'gas'))).toBe(false);
  });

  it('no multiple of another figure, nor a time back from another, as the amount asked', () => {
    const toll = askedOf('official death toll of the storm', undefined, 'toll');
    expect(gives('Two weeks ago, the toll rose to more than 46 times the previous tally.', 'amount', toll)).toBe(false);
    expect(gives('The official death toll had stood at 64 for months.', 'amount', toll)).toBe(true);
    // …unless the multiple or the time is what is asked.
    const times = askedOf('times higher is the new toll', undefined, 'times');
    expect(gives('The toll rose to 46 times the previous tally.', 'count', times)).toBe(true);
    const years = askedOf('years ago was the dam built', undefined, 'years');
    expect(gives('The dam was built 56 years ago.', 'count', years)).toBe(true);
  });

  it('for "which <noun>", another of the kind than the question names: by a new name beside it, or a narrower word', () => {
    const dam = askedOf('dam is bigger than sardar sarovar', undefined, 'dam');
    expect(namesAnother('the second largest dam after the Grand Coulee Dam', dam)).toBe(true);
    expect(namesAnother('Sardar Sarovar Dam was inaugurated today', dam)).toBe(false);
    const fruit = askedOf('fruit does it export', undefined, 'fruit');
    expect(namesAnother('exports are textiles and mangoes', fruit)).toBe(true);
    expect(namesAnother('exports are textiles and fruit', fruit)).toBe(false);
  });

  it('a count of what the search reached for the counted noun: a typo, a close synonym', () => {
    const typo = askedOf('helicoptors did it take', undefined, 'helicoptors', ['helicopt']);
    expect(gives('the sale of four helicopters', 'count', typo)).toBe(true);
    expect(
      gives('the sale of four helicopters', 'count', askedOf('helicoptors did it take', undefined, 'helicoptors')),
    ).toBe(false);
  });

  it("a count of a noun WordNet gives for the same thing, as the figure's own noun", () => {
    const choppers = askedOf('choppers were sold', undefined, 'choppers');
    expect(gives('the sale of four helicopters', 'count', choppers)).toBe(true);
    const troops = askedOf('troops were killed', undefined, 'troops');
    expect(gives('an attack that killed two dozen soldiers', 'count', troops)).toBe(true);
    // The same word elsewhere in the sentence counts nothing: 64 is no count of homes.
    const homes = askedOf('homes were destroyed', undefined, 'homes');
    expect(gives('officials placed the toll at 64 after the storm', 'count', homes)).toBe(false);
    // A narrower kind is no answer: not every flier is a pilot.
    const fliers = askedOf('fliers were on board', undefined, 'fliers');
    expect(gives('the plane carried two pilots', 'count', fliers)).toBe(false);
  });

  it('a count of a noun cut short in the question, or in full', () => {
    const subs = askedOf('subs is china selling', undefined, 'subs');
    expect(gives('the sale of eight submarines to Islamabad', 'count', subs)).toBe(true);
    expect(clipped('subs', 'submarines')).toBe(true);
    expect(clipped('quake', 'earthquake')).toBe(true);
    expect(clipped('man', 'chairman')).toBe(false);
    expect(clipped('art', 'part')).toBe(false);
  });

  it('a name beside a word for the same thing as the asked noun', () => {
    const drills = askedOf('the joint naval drills', undefined, 'drills');
    expect(gives('Arab Monsoon: Joint naval exercises are also held periodically', 'name', drills)).toBe(true);
    // "President" is a chairman only in a rare sense: President Putin is no chairman's name.
    const chairman = askedOf('the assembly chairman who went to moscow', undefined, 'chairman');
    expect(gives('a few weeks after President Putin met the prime minister', 'name', chairman)).toBe(false);
  });

  it('a figure belongs to the part of the sentence that says most of what is asked', () => {
    const engines = askedOf('did the rd-93 engine deal cost');
    const quote = 'They signed a $153 million deal to sell helicopters, as well as a deal to buy RD-93 engines.';
    expect(gives(quote, 'money', engines)).toBe(false);
    expect(gives(quote, 'money', askedOf('did the helicopter deal cost'))).toBe(true);
    // An opening phrase sets the scene for the clause after it.
    const rise = askedOf('did deaths go up compared with the year before');
    expect(gives('Compared to the year before, deaths represented a 62 percent increase.', 'percent', rise)).toBe(true);
  });

  it('a sum in a relative clause belongs to what the clause before it names', () => {
    const scam = askedOf('was involved in the rehab scam');
    const quote = 'Patkar revealed the rehabilitation scam, which showed irregularities of about Rs 1,500 crores.';
    expect(gives(quote, 'money', scam)).toBe(true);
    // A sum in a clause of its own is another thing's.
    expect(gives('Patkar revealed the scam, and the state spent Rs 1,500 crores.', 'money', scam)).toBe(false);
  });

  it('any length for "how long", whatever its unit', () => {
    const long = askedOf('long is the dam', undefined, 'long');
    expect(gives('The dam is 1,250 metres from end to end', 'amount', long)).toBe(true);
    expect(gives('a 1,100-km pipeline', 'amount', askedOf('long is the pipeline', undefined, 'long'))).toBe(true);
    expect(gives('They were jailed for two years', 'amount', askedOf('long were they jailed', undefined, 'long'))).toBe(
      true,
    );
  });

  it('a dimension in some unit, not a count of people or things', () => {
    const deep = askedOf("deep was the earthquake's focus", undefined, 'deep');
    expect(gives('some 60 demonstrators displayed banners after the earthquake', 'amount', deep)).toBe(false);
    expect(gives('The focus was 13 kilometres deep', 'amount', deep)).toBe(true);
    const jailed = askedOf('long were the officials jailed', undefined, 'long');
    expect(gives('the court convicted seven officials', 'amount', jailed)).toBe(false);
    // A size may be a count: "how big is the army".
    expect(gives('an army of 600,000 soldiers', 'amount', askedOf('big is the army', undefined, 'big'))).toBe(true);
  });

  it('money for how much of an act or a possession (trade, aid), not of a substance (gas)', () => {
    const trade = askedOf('trade do they do a year', undefined, 'trade');
    expect(gives('trade is about $700 million a year', 'amount', trade)).toBe(true);
    const gas = askedOf('gas will it carry', undefined, 'gas');
    expect(gives('trade is about $700 million a year', 'amount', gas)).toBe(false);
  });

  it('a sum for "how much compensation", not a count of what it is paid for', () => {
    const compensation = askedOf('compensation does the government want', undefined, 'compensation');
    expect(gives('the government asked the company to compensate for 5,295 deaths', 'amount', compensation)).toBe(
      false,
    );
    expect(gives('15,248 people died, yet it asks compensation for fewer', 'amount', compensation)).toBe(false);
    expect(gives('the government wants $1.2 billion in compensation', 'amount', compensation)).toBe(true);
    // A unit measures a possession as well as money does: "how much land".
    expect(gives('the dam submerged 37,000 hectares of land', 'amount', askedOf('land', undefined, 'land'))).toBe(true);
  });

  it('a sum for "how much money", whatever the sentence calls the money', () => {
    const money = askedOf('recovery money does the island want', undefined, 'money');
    expect(gives('the island is asking for $139bn in recovery funds', 'amount', money)).toBe(true);
    expect(gives('the island is asking for 139 new generators', 'amount', money)).toBe(false);
  });

  it("a date: a year, a month, or the fact's own date", () => {
    expect(gives('Russia lifted an arms embargo in 2014', 'date', none)).toBe(true);
    expect(gives('signed in August', 'date', none)).toBe(true);
    expect(gives('Moscow lifted an arms embargo on Islamabad', 'date', none)).toBe(false);
    expect(gives('Moscow lifted an arms embargo on Islamabad', 'date', none, '2014')).toBe(true);
    // A time of day says when, as a date does.
    expect(gives('the quake struck a few minutes before 5 p.m.', 'date', none)).toBe(true);
    expect(gives('the storm hit at 4:53 pm', 'date', none)).toBe(true);
    expect(gives('the quake killed 5 people', 'date', none)).toBe(false);
    // A span back from the writing says when too, though it names no time itself.
    expect(gives('cooperation has deepened over the past decade', 'date', none)).toBe(true);
    expect(namesDate('cooperation has deepened over the past decade')).toBe(false);
    expect(namesDate('cooperation has deepened since 2014')).toBe(true);
  });

  it('"may" and "march" name a month only where they are used as one', () => {
    expect(namesDate('Rumors say that Moscow may invest in the steel mills')).toBe(false);
    expect(gives('Rumors say that Moscow may invest in the steel mills', 'date', none)).toBe(false);
    expect(namesDate('protesters joined the march on the capital')).toBe(false);
    expect(namesDate('Pakistan expressed interest in a partnership in May, 2018')).toBe(true);
    expect(namesDate('the deal was signed in May')).toBe(true);
    expect(namesDate('talks began on March 3')).toBe(true);
    expect(namesDate('the drills were held in September')).toBe(true);
  });

  it('money, shares and counts, each of its own kind', () => {
    expect(gives('a $153 million deal', 'money', none)).toBe(true);
    expect(gives('four helicopters', 'money', none)).toBe(false);
    // A sum said of another thing in the sentence is not the asked thing's.
    const engines = askedOf('how much did pakistan pay for the engines');
    const both = 'Russia agreed a $153 million deal to sell helicopters, as well as a deal to buy the engines';
    expect(gives(both, 'money', engines)).toBe(false);
    expect(gives('Pakistan paid $20 million for the engines', 'money', engines)).toBe(true);
    expect(gives('26% of the shares', 'percent', none)).toBe(true);
    expect(gives('four helicopters', 'count', none)).toBe(true);
    expect(gives('26% of the shares', 'amount', none)).toBe(true);
  });

  it('a cause: the ways English says because', () => {
    expect(gives('This move encouraged Moscow to lift the embargo', 'cause', none)).toBe(true);
    expect(gives('due to bureaucratic delays', 'cause', none)).toBe(true);
    expect(gives('Russia lifted the embargo in 2014', 'cause', none)).toBe(false);
    // What something is vital to is why it matters.
    expect(gives('For Pakistan, this pipeline is critical to energy security', 'cause', none)).toBe(true);
    expect(gives('Korybko is critical of the pipeline', 'cause', none)).toBe(false);
    // What went on for years before a deed led to it.
    expect(gives('the bank pulled out in 1993 after years of protests', 'cause', none)).toBe(true);
    expect(gives('the bank pulled out two years after the protests', 'cause', none)).toBe(false);
  });

  it('a person or organisation the question does not already name', () => {
    expect(gives('the Soviets constructed Pakistan Steel Mills', 'person', askedOf('who built the steel mills'))).toBe(
      true,
    );
    expect(gives('it constructed Pakistan Steel Mills', 'person', askedOf('who built pakistan steel mills'))).toBe(
      false,
    );
    // A function word opening the sentence ("The", "In") is no name: WordNet lacks it, English does not.
    expect(
      gives('The operator should be the Russian side', 'person', askedOf('which russian firm will operate the pipe')),
    ).toBe(false);
    expect(gives('In 2021, the governments signed an agreement', 'person', askedOf('who signed the agreement'))).toBe(
      false,
    );
  });

  it('for "who", no place the sentence sets something in or makes it part of', () => {
    const signed = askedOf('signed the agreement for pakistan');
    expect(gives('The governments signed it, giving 26% to Pakistan and 74% of Russia', 'person', signed)).toBe(false);
    expect(gives('The governments signed it at a meeting in Moscow', 'person', signed)).toBe(false);
    // A place that does the deed is who did it; so is a person after a preposition.
    expect(gives('Russia signed the agreement', 'person', signed)).toBe(true);
    expect(gives('The agreement was signed in the presence of Putin', 'person', signed)).toBe(true);
  });

  it('for "which <noun>", a name given beside that noun or a kind of it', () => {
    const judge = askedOf('judge convicted the company officials', undefined, 'judge');
    // The district court convicted them: no judge is named, and "officials" is the question's own word.
    expect(gives('In 2010 the Bhopal district court convicted eight officials', 'person', judge)).toBe(false);
    expect(gives('In 2010 Judge Mohan Tiwari convicted eight officials', 'person', judge)).toBe(true);
    const company = askedOf('construction company built the dam', undefined, 'company');
    expect(gives('Prime Minister Narendra Modi said the dam was built in India', 'person', company)).toBe(false);
    expect(gives('The dam was built by the company Larsen and Toubro', 'person', company)).toBe(true);
    // A verb's past form sharing the noun's stem names no such thing: who commissioned is no commission.
    const commission = askedOf('commission did the governor set up', undefined, 'commission');
    expect(
      gives(
        'a report by experts at George Washington University, which the governor commissioned',
        'person',
        commission,
      ),
    ).toBe(false);
    expect(gives('the governor set up the Truth Commission', 'person', commission)).toBe(true);
    // The commonest nouns for anyone say nothing of who is asked.
    const man = askedOf('man built the dam', undefined, 'man');
    expect(gives('Narendra Modi built the dam', 'person', man)).toBe(true);
  });

  it('a place after a preposition', () => {
    expect(gives('Pakistani ships visited Saint Petersburg', 'place', askedOf('where did the ships go'))).toBe(true);
    expect(gives('Pakistani ships visited the port', 'place', askedOf('where did the ships go'))).toBe(false);
    // "the port of Karachi" puts it in Karachi, as "in Karachi" does.
    expect(gives('a pipeline from the port of Karachi', 'place', askedOf('where does the gas come in'))).toBe(true);
  });

  it("a place in a part of the sentence about something else is that thing's, not the asked one's", () => {
    const drills = askedOf('were the first drills held');
    expect(gives('They held the first drills, despite anger over an attack in Kashmir, in May', 'place', drills)).toBe(
      false,
    );
    expect(gives('They held the first drills in Cherat, despite anger over an attack', 'place', drills)).toBe(true);
    // A sentence none of whose parts says the question's words may still say where.
    expect(gives('The exercises, a success, took place in Cherat', 'place', drills)).toBe(true);
  });

  it('a time after a preposition is no place', () => {
    const sitIn = askedOf('did the survivors hold their sit-in');
    expect(gives('Survivors staged a sit-in on Thursday', 'place', sitIn)).toBe(false);
    expect(gives('Survivors staged a sit-in in December', 'place', sitIn)).toBe(false);
    expect(gives('Survivors staged a sit-in in Bhopal on Thursday', 'place', sitIn)).toBe(true);
  });

  it('a name beside the noun it names, not a title alone or a name elsewhere', () => {
    const minister = askedOf('the russian deputy defence minister who signed', undefined, 'minister');
    expect(gives('the Russian Deputy Defense Minister went to Islamabad', 'name', minister)).toBe(false);
    expect(gives('Deputy Defense Minister Alexander Fomin went to Islamabad', 'name', minister)).toBe(true);
    // A people's adjective before the noun says whose the diplomat is, not who.
    const diplomat = askedOf('the senior diplomat who doubted the story', undefined, 'diplomat');
    expect(gives('A senior Pakistani diplomat disputes that account', 'name', diplomat)).toBe(false);
    expect(gives('Pakistani diplomat Ali Khan disputes that account', 'name', diplomat)).toBe(true);
    expect(
      gives('the joint exercise, called Druzhba, began', 'name', askedOf('the joint exercise', undefined, 'exercise')),
    ).toBe(true);
  });

  it("a list's label names what its text describes", () => {
    const exercises = askedOf('the joint navy exercises', undefined, 'exercises');
    expect(gives('Arab Monsoon: Joint naval exercises are also held periodically', 'name', exercises)).toBe(true);
    expect(gives('Trade: Joint naval exercises are also held periodically', 'name', exercises)).toBe(false);
    expect(gives('Arab Monsoon: the two navies train together', 'name', exercises)).toBe(false);
  });

  it('a definition of what the question names', () => {
    expect(
      gives('Andrew Korybko is an American Moscow-based political analyst', 'definition', askedOf('korybko')),
    ).toBe(true);
    expect(gives('Korybko proposes a roadmap', 'definition', askedOf('korybko'))).toBe(false);
    expect(gives('a three-pronged Economic Corridor (RPEC) through Iran', 'definition', askedOf('rpec'))).toBe(true);
    // A gloss: the word in a parenthesis after what it means, or a parenthesis after it.
    expect(gives('call them "buddies" ("yaar" in Urdu)', 'definition', askedOf('yaar'))).toBe(true);
    expect(gives('“Yaar Yaar” (“Russians and Pakistanis are buddies”)', 'definition', askedOf('yaar'))).toBe(true);
    expect(gives('popularize the slogan "Yaar Yaar" at home', 'definition', askedOf('yaar'))).toBe(false);
    // A noun after the name and a comma: an apposition says what the name is.
    expect(gives('Carleene Dei, mission director of USAID Haiti, said', 'definition', askedOf('carleene dei'))).toBe(
      true,
    );
    expect(gives('Carleene Dei, said the report was wrong', 'definition', askedOf('carleene dei'))).toBe(false);
  });

  it('how often: a frequency, not any count', () => {
    expect(gives('they hold joint drills every year', 'frequency', none)).toBe(true);
    expect(gives('the exercises have been held annually since 2016', 'frequency', none)).toBe(true);
    expect(gives('four helicopters were sold in 2015', 'frequency', none)).toBe(false);
    // How many times it happened answers how often; a multiple does not.
    expect(gives("I've been to the island 7 times & saw it firsthand", 'frequency', none)).toBe(true);
    expect(gives('the governor visited twice', 'frequency', none)).toBe(true);
    expect(gives('the toll is 70 times the official estimate', 'frequency', none)).toBe(false);
    expect(gives('a toll three times higher', 'frequency', none)).toBe(false);
  });

  it('a thing of the kind asked, unless the kind is too general for a sentence to name it', () => {
    const fruit = askedOf('fruit does pakistan sell', undefined, 'fruit');
    expect(gives('exports are textiles and mangoes', 'kind', fruit)).toBe(true);
    expect(gives('exports are textiles and machinery', 'kind', fruit)).toBe(false);
    expect(gives('exports are textiles and fruit', 'kind', fruit)).toBe(true);
    const problem = askedOf('problem slows projects', undefined, 'problem');
    expect(gives('frequent changes of government slow projects down', 'kind', problem)).toBe(true);
  });

  it('the kind asked by another word WordNet gives for the same thing: artillery is a weapon', () => {
    const weapon = askedOf('weapon do they build together', undefined, 'weapon');
    expect(gives('the two countries build artillery together', 'kind', weapon)).toBe(true);
    expect(gives('the two countries build ships together', 'kind', weapon)).toBe(false);
  });

  it('a reason given as what was cited, suffered from or lacking', () => {
    expect(gives('A press officer withdrew the figure, citing an error', 'cause', none)).toBe(true);
    expect(gives('Hospitals suffered from a shortage of doctors', 'cause', none)).toBe(true);
    expect(gives('Clinics closed for lack of power', 'cause', none)).toBe(true);
    expect(gives('A press officer withdrew the figure on Tuesday', 'cause', none)).toBe(false);
  });

  it('a purpose given as a show or a sign of something', () => {
    expect(gives('the US sent a carrier in a show of support to Pakistan', 'cause', none)).toBe(true);
    expect(gives('the US sent a carrier to the Bay of Bengal', 'cause', none)).toBe(false);
  });

  it('"which country": a place named anywhere, a people for its land, or a name beside the asked noun', () => {
    const country = askedOf('is uneasy about the partnership', undefined, 'country');
    expect(gives('Delhi is closely monitoring the partnership', 'place', country)).toBe(true);
    expect(gives('expanding the drills to include a trilateral Tajik component', 'place', country)).toBe(true);
    expect(gives('the ministry is closely monitoring the partnership', 'place', country)).toBe(false);
    const city = askedOf('gets flood protection from the dam', undefined, 'city');
    expect(gives('protection to 200 villages including Bharuch city', 'place', city)).toBe(true);
    // "Where" asks where something happened: only a place after a preposition says it.
    const where = askedOf('is uneasy about the partnership');
    expect(gives('Delhi is closely monitoring the partnership', 'place', where)).toBe(false);
    expect(gives('officials in Delhi are monitoring the partnership', 'place', where)).toBe(true);
  });

  it('a name beside the next narrower kind of the asked noun: a pilot is a flier', () => {
    const flier = askedOf('the american flier on the spy plane mission', undefined, 'flier');
    expect(gives('the ill-fated flight of U-2 pilot Gary Powers', 'name', flier)).toBe(true);
    expect(gives('the ill-fated flight was announced by Gary Powers', 'name', flier)).toBe(false);
    // A broader or unrelated noun beside a name is not the asked kind.
    const author = askedOf('the lead author of the report', undefined, 'author');
    expect(gives('a draft US report questioned the toll', 'name', author)).toBe(false);
  });

  it("a journey's purpose: 'to' and a verb after a verb of going, not 'came to power'", () => {
    expect(gives('the chairman came to Moscow immediately afterwards to meet his counterpart', 'cause', none)).toBe(
      true,
    );
    expect(gives('the minister flew to Islamabad to sign an agreement', 'cause', none)).toBe(true);
    expect(gives('the chairman came to Moscow in April', 'cause', none)).toBe(false);
    expect(gives('Imran Khan came to power to the delight of the army', 'cause', none)).toBe(false);
    // "To" and a verb with no journey before it is no purpose: "agreed to meet" says what, not why.
    expect(gives('the two sides agreed to meet in April', 'cause', none)).toBe(false);
  });

  it('a wording asked for ("what catchphrase", "what motto") is given by a quoted phrase of words', () => {
    const catchphrase = askedOf('does korybko use for the relationship', undefined, 'catchphrase');
    expect(gives('sticking to the roadmap of "Rusi-Pakistani Yaar Yaar" could help', 'kind', catchphrase)).toBe(true);
    // One quoted word is a word talked about, not a phrase.
    expect(gives('replace "Hindi" with another word', 'kind', catchphrase)).toBe(false);
    // A thing is no wording: a quoted name does not tell which pipeline.
    const pipeline = askedOf('did they build', undefined, 'pipeline');
    expect(gives('the minister repeated "Rusi-Pakistani Yaar Yaar" twice', 'kind', pipeline)).toBe(false);
  });
});
