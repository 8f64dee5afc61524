import type { OverlayMarker } from '../overlay/layer';
import type { DetectedClaim, DetectedField } from '../detection';
import type { SensorDetection } from './protocol';
import type { EvaluatedClaim } from './claim-session';

/** A line's detected fields in page order: what the card's "This field is…" lists (and corrects, by position). */
export function lineFields(detected: DetectedClaim, line: number): DetectedField[] {
  return detected.fields.filter((field) => field.line === line);
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

/** One marker per service line that has findings, anchored at that line's CPT/HCPCS field. */
export function markersFor(evaluated: readonly EvaluatedClaim[], detection: Pick<SensorDetection, 'isCorrected' | 'reasonsFor'>): OverlayMarker[] {
  const markers: OverlayMarker[] = [];
  evaluated.forEach(({ detected, claim, findings }, claimIndex) => {
    for (const line of claim.lines) {
      const lineFindings = findings.filter((finding) => finding.lines.includes(line.index));
      if (!lineFindings.length) continue;
      const anchor = detected.fields.find((field) => field.role === 'cpt' && field.line === line.index)?.element;
      if (!anchor) continue;
      const severity = lineFindings.reduce<OverlayMarker['severity']>(
        (worst, finding) => (RANK[finding.severity] > RANK[worst] ? finding.severity : worst),
        'info',
      );
      markers.push({
        key: `${claimIndex}:${line.index}`,
        anchor,
        severity,
        code: line.code,
        lineNumber: line.index + 1,
        lineCount: claim.lines.length,
        findings: lineFindings,
        // Read when the card opens, not for every marker on every evaluation (a long claim has hundreds).
        fieldsOf: () =>
          lineFields(detected, line.index).map(({ element, role, slot }) => {
            const corrected = detection.isCorrected(element);
            return {
              role,
              ...(slot === undefined ? {} : { slot }),
              ...(corrected ? { corrected: true } : {}),
              explain: () => (corrected ? [] : detection.reasonsFor(element)),
            };
          }),
      });
    }
  });
  return markers;
}
