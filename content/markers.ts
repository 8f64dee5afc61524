import type { OverlayMarker } from '../overlay/layer';
import type { EvaluatedClaim } from './claim-session';

const RANK = { error: 3, warning: 2, info: 1 } as const;

/** One marker per service line that has findings, anchored at that line's CPT/HCPCS field. */
export function markersFor(evaluated: readonly EvaluatedClaim[]): OverlayMarker[] {
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
        findings: lineFindings,
      });
    }
  });
  return markers;
}
