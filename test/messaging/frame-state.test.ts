import { ContentMessageSchema, frameStateIn, frameStateMessage, parseMessage, type FrameState } from '../../messaging/schemas';

const STATE: FrameState = {
  profileId: 'medicare-physician',
  paused: false,
  claims: [
    {
      claimIndex: 0,
      formType: 'professional',
      lines: [{ index: 0, code: '77372', modifiers: ['26'], units: 1, severity: 'error', ruleIds: ['srs/modifier-26-technical-only'] }],
      findings: [],
    },
  ],
};

describe('frame-state messages', () => {
  it('carry the state as its JSON text, and the background reads back the same state', () => {
    const message = parseMessage(ContentMessageSchema, frameStateMessage(JSON.stringify(STATE)));
    expect(message).toBeDefined();
    expect(typeof message!.state).toBe('string');
    expect(frameStateIn(message!)).toEqual(STATE);
  });

  it.each([
    ['text that is not JSON', '{"profileId":'],
    ['JSON that is not a frame state', JSON.stringify({ profileId: 7, claims: 'none' })],
    ['a line without its severity', JSON.stringify({ ...STATE, claims: [{ ...STATE.claims[0], lines: [{ index: 0, code: '77372', modifiers: [], ruleIds: [] }] }] })],
    ['an empty text', ''],
  ])('are ignored when they hold %s', (_what, text) => {
    expect(frameStateIn(frameStateMessage(text))).toBeUndefined();
  });

  it('are not ours when the state is an object (the earlier format) rather than text', () => {
    expect(parseMessage(ContentMessageSchema, { type: 'frame-state', state: STATE })).toBeUndefined();
  });
});
