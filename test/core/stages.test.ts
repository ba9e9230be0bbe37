import { describe, expect, it } from 'vitest';
import { stageOf } from '../../src/core/stages.js';

describe('the stage a clause gives', () => {
  it('reads an agreement made or a work being built as done', () => {
    expect(stageOf('Arden also inked a deal with Belmont to build the Corvin canal')).toEqual({
      stage: 'done',
      word: 'inked',
    });
    expect(stageOf('Arden is constructing the Corvin canal from the port')?.stage).toBe('done');
    expect(stageOf('The canal has been under construction since spring')?.stage).toBe('done');
  });

  it('reads talks, near completion, plans and delays as pending', () => {
    expect(stageOf('They are close to finalizing a canal deal that would carry water to Belmont')).toEqual({
      stage: 'pending',
      word: 'close to finalizing',
    });
    expect(stageOf('with talks about a canal deal in their final stages')?.stage).toBe('pending');
    expect(stageOf('but the project faced long delays due to funding')?.stage).toBe('pending');
  });

  it('gives no stage for a guess, a wish or a clause that says both', () => {
    expect(stageOf('Arden should sign the canal deal soon')).toBeNull();
    expect(stageOf('If the deal is signed, the canal opens in May')).toBeNull();
    expect(stageOf('The deal was signed, but talks on the route go on')).toBeNull();
    expect(stageOf('The canal carries water to Belmont')).toBeNull();
  });
});
