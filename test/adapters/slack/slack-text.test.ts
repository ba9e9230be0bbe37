/** Incoming Slack markup becomes the plain question the core should see. */
import { describe, expect, it } from 'vitest';
import { plainFromSlack, readCommandText } from '../../../adapters/slack/slack-text.js';

describe('plainFromSlack', () => {
  it('drops addressing: users, the bot, groups, channels and broadcasts', () => {
    expect(
      plainFromSlack('<@UBOT> <!channel> <!here|here> <@U123|ana> <!subteam^S1|@mods> <#C1|general> su-35 talks'),
    ).toBe('su-35 talks');
  });

  it("keeps a link's label, or its address when it has none, and a date's fallback", () => {
    expect(plainFromSlack('see <https://x.org/a|this report> and <https://y.org>')).toBe(
      'see this report and https://y.org',
    );
    expect(plainFromSlack('on <!date^1392734382^{date}|Feb 18, 2014>')).toBe('on Feb 18, 2014');
  });

  it('decodes the entities Slack escapes, once', () => {
    expect(plainFromSlack('a &lt; b &amp;&amp; c &gt; d &amp;lt;')).toBe('a < b && c > d &lt;');
  });

  it('keeps literally typed markup as text (the renderer escapes it again)', () => {
    expect(plainFromSlack('&lt;!channel&gt; &lt;@U1&gt;')).toBe('<!channel> <@U1>');
  });
});

describe('readCommandText', () => {
  it('reads a leading "private" as a request for an ephemeral answer', () => {
    expect(readCommandText('private  who built the steel mill')).toEqual({
      text: 'who built the steel mill',
      private: true,
    });
    expect(readCommandText('PRIVATE')).toEqual({ text: '', private: true });
  });

  it('leaves other questions alone, including ones that merely start with "private"', () => {
    expect(readCommandText(' privately owned mills ')).toEqual({ text: 'privately owned mills', private: false });
    expect(readCommandText('is it private?')).toEqual({ text: 'is it private?', private: false });
  });
});
