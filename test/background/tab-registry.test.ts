import { countFindings, createTabRegistry } from '../../background/tab-registry';
import type { FrameState } from '../../messaging/schemas';

const finding = (severity: 'error' | 'warning' | 'info') => ({
  ruleId: 'x/y',
  severity,
  lines: [0],
  message: { key: 'k', args: [] },
  sources: [{ title: 's' }],
});
const state = (severities: ('error' | 'warning' | 'info')[]): FrameState => ({
  profileId: 'medicare-physician',
  paused: false,
  claims: [{ claimIndex: 0, formType: 'professional', lines: [], findings: severities.map(finding) }],
});

describe('tab registry', () => {
  it('merges the frames of a tab in frame order and counts findings over all of them', () => {
    const registry = createTabRegistry();
    registry.update(7, 3, state(['warning']));
    registry.update(7, 0, state(['error', 'info']));
    const tab = registry.get(7);
    expect(tab?.frames.map((frame) => frame.frameId)).toEqual([0, 3]);
    expect(countFindings(tab)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(registry.lastUpdatedTab).toBe(7);
  });

  it('forgets a closed tab', () => {
    const registry = createTabRegistry();
    registry.update(1, 0, state([]));
    registry.forget(1);
    expect(registry.get(1)).toBeNull();
    expect(registry.lastUpdatedTab).toBeNull();
    expect(countFindings(null)).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
