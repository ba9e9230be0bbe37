import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/question.js';

describe('reading a question', () => {
  it.each([
    ['when did russia lift the embargo', 'date'],
    ['what year did pakistan join the sco', 'date'],
    ['how much did the helicopters cost', 'money'],
    ['how much of the pipeline does pakistan own', 'amount'],
    ['what percentage of the project belongs to moscow', 'percent'],
    ['how many helicopters did pakistan buy', 'count'],
    ['how often do they hold the drills', 'frequency'],
    ['pakistan sco join year', 'date'],
    ['pakistan stream pipeline length', 'amount'],
    ['do they hold drills every year', null],
    ['what are the naval drills between the two called', 'name'],
    ['who built the steel mills', 'person'],
    ['where did the sailors go', 'place'],
    ['which city hosted the parade', 'place'],
    ['why did moscow lift the embargo', 'cause'],
    ["what's the name of the exercise", 'name'],
    ['name of the joint naval drills?', 'name'],
    ['what was the date of the summit', 'day'],
    ['who was the foreign minister that visited', 'name'],
    ['who is korybko', 'definition'],
    ['what does yaar mean', 'definition'],
    ['what is meant by multipolarity', 'definition'],
    ['what does the agreement let russia do', null],
    ['what does the deal mean for india', null],
    ['did russia sell jets to pakistan', null],
  ])('%s → %s', (question, type) => {
    expect(readQuestion(question).type).toBe(type);
  });

  it('asks what a word means of the word alone, and of what follows it', () => {
    expect(readQuestion('what does "yaar" actually mean in that slogan').about).toBe('yaar in that slogan');
    expect(readQuestion('what is meant by multipolarity').about).toBe('multipolarity');
  });

  it('keeps what the question is about and sets the question words aside', () => {
    expect(readQuestion('why did moscow lift the embargo').about).toBe('did moscow lift the embargo');
    expect(readQuestion('which city hosted the parade').about).toBe('hosted the parade');
    // A noun naming what is asked for stays in, to weigh little: it may be what the answer is about.
    expect(readQuestion('what motto is meant to sum up the bond')).toMatchObject({
      about: 'motto is meant to sum up the bond',
      asking: 'motto',
    });
  });

  it('reads "the two" as the pair being talked about, not a count', () => {
    expect(readQuestion('what new body did the two parliaments create').about).not.toMatch(/two/);
    expect(readQuestion('how many of the 30 gates are installed').about).toMatch(/30/);
  });

  it('finds what "how many" counts: the last word before the verb, or nothing after an auxiliary', () => {
    expect(readQuestion('how many fake registries were made in the scam').asking).toBe('registries');
    expect(readQuestion('how many soldiers took part in the drills').asking).toBe('soldiers');
    expect(readQuestion('how many people were injured in the quake').counting).toBe('people were injured in the quake');
    expect(readQuestion('how much gas will the pipeline carry').asking).toBe('gas');
    expect(readQuestion('how much is the pipeline supposed to cost').asking).toBeUndefined();
  });

  it('keeps the measure "how long" or "how tall" asks for, as what is asked, not what is counted', () => {
    const shape = readQuestion('how long is the dam');
    expect(shape.type).toBe('amount');
    expect(shape.about).toMatch(/\blong\b/);
    expect(shape.asking).toBe('long');
    // How long something has gone on is since when.
    expect(readQuestion('how long have the two armies held joint drills').type).toBe('date');
    // What "when" asks of is the deed it dates, as "how many" counts a deed.
    expect(readQuestion('when did the mills start producing steel').counting).toBe(
      'did the mills start producing steel',
    );
  });

  it('reads "what was the minister\'s name who…" as the name of the minister, whatever the "who" after it', () => {
    const shape = readQuestion("what was the russian deputy defence minister's name who signed the deal");
    expect(shape.type).toBe('name');
    expect(shape.asking).toBe('minister');
    expect(readQuestion("whats the commander's name").asking).toBe('commander');
    // A possessive elsewhere is left as it is.
    expect(readQuestion("who signed pakistan's deal").type).toBe('person');
  });

  it('takes "what did X cost" for a sum of money', () => {
    expect(readQuestion('what did the storm cost in damage').type).toBe('money');
    expect(readQuestion('what did the storm damage').type).toBeNull();
  });

  it('sets aside that the sources mention it: every sentence they have is mentioned', () => {
    expect(readQuestion('which cultural events are mentioned').about).not.toMatch(/mention/);
    expect(readQuestion('does the overview mention power plants').about).toBe('does the overview power plants');
  });

  it('takes "what kind of X" as about X, any X being an answer', () => {
    const events = readQuestion('what kind of cultural events are held');
    expect(events.type).toBe('kind');
    expect(events.asking).toBeUndefined();
    expect(events.about).toBe('cultural events are held');
  });

  it('finds what "how many" counts after it, wherever it stands in the question', () => {
    expect(readQuestion('the order could grow to how many helis?').asking).toBe('helis');
  });

  it('counts the unit before an adjective of measure: "how many km long" counts km', () => {
    expect(readQuestion('how many km long is the canal').asking).toBe('km');
    expect(readQuestion('how many metres high will the wall be').asking).toBe('metres');
  });

  it('counts the noun before an adverb: "how many people actually died" counts people', () => {
    expect(readQuestion('how many people actually died in the storm').asking).toBe('people');
  });

  it('keeps the place noun of "which city" as what is asked, not "where"', () => {
    const city = readQuestion('which city gets flood protection from the dam');
    expect(city).toMatchObject({ type: 'place', asking: 'city' });
    expect(city.about).not.toContain('city');
    expect(readQuestion('where did the sailors go').asking).toBeUndefined();
  });

  it('takes "what did X do" for a question about a deed, not for "which X"', () => {
    expect(readQuestion('what did the us do when the war broke out').type).toBeNull();
  });

  it('tells chat from questions', () => {
    expect(readQuestion('hi').chat).toBe('greeting');
    expect(readQuestion('thanks!').chat).toBe('thanks');
    expect(readQuestion('help').chat).toBe('help');
    expect(readQuestion('ok but who is right').chat).toBe('help');
    expect(readQuestion('?!').chat).toBe('empty');
    expect(readQuestion('who is right about the su-35 talks').chat).toBeNull();
  });

  it('tells a request for instructions, which no source reporting events answers, from a question about how something happened', () => {
    expect(readQuestion('how do i build a gas grill').chat).toBe('instructions');
    expect(readQuestion('How can we convert rubles to rupees?').chat).toBe('instructions');
    // Advice, as instructions: the best time or way to do something.
    expect(readQuestion('best time to visit the lake').chat).toBe('instructions');
    expect(readQuestion("what's the best way to get to the dam").chat).toBe('instructions');
    expect(readQuestion('was it the best deal for pakistan').chat).toBeNull();
    // How a thing works is a manual's; how researchers worked a figure out is reported.
    expect(readQuestion('how do canal locks work').chat).toBe('instructions');
    expect(readQuestion('how did the researchers work out their number').chat).toBeNull();
    expect(readQuestion('how to dye textiles at home').chat).toBe('instructions');
    expect(readQuestion('how do i use this').chat).toBe('help');
    expect(readQuestion('how did russia help pakistan build the steel mill').chat).toBeNull();
    expect(readQuestion('how do russia and pakistan trade').chat).toBeNull();
  });
});
