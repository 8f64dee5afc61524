import type { ClaimChange, DetectedClaim, DetectedField, FieldValues } from '../detection';
import { readRawClaim, readValue } from '../detection/read';
import type { Claim, Finding, PayerProfile } from '../rules';
import { evaluateRaw, lineVerdicts, normalizeLine } from '../rules';
import type { ClaimState, FrameState } from '../messaging/schemas';
import { createContractWriter } from './contract';

/** One claim on the page, with what the rules found in it. */
export interface EvaluatedClaim {
  detected: DetectedClaim;
  claim: Claim;
  findings: Finding[];
}

/** Where the claims come from: the frame's sensor (content/sensor.ts). */
export interface ClaimSource {
  readonly claims: readonly DetectedClaim[];
  subscribe(listener: (claims: readonly DetectedClaim[], change?: ClaimChange) => void): () => void;
  rescan(): void;
}

export interface ClaimSessionOptions {
  source: ClaimSource;
  signal: AbortSignal;
  /** Paused on this site from the start: no attributes, no markers until resumed. */
  paused?: boolean;
  profile(): PayerProfile;
  today(): string;
  /**
   * Called after every evaluation with the page's claims (empty when paused), and the frame's
   * state for the background, built only when asked for (reports are coalesced while typing).
   */
  onEvaluated(evaluated: readonly EvaluatedClaim[], state: () => FrameState): void;
  onError(error: unknown): void;
}

/**
 * The engine's pipeline: detected claims → claim model → rules → findings → contract attributes.
 * Runs on every batched DOM or value change the sensor reports, and whenever the profile changes.
 */
export function startClaimSession(options: ClaimSessionOptions) {
  const contract = createContractWriter();
  let paused = options.paused ?? false;
  let latest: DetectedClaim[] = [];
  let evaluated: EvaluatedClaim[] = [];
  /** What the latest evaluation was made with. */
  let evaluatedWith: { profile: PayerProfile; today: string } | undefined;

  function evaluateAll(claims: readonly DetectedClaim[], change?: ClaimChange, values?: FieldValues): void {
    const profile = options.profile();
    const today = options.today();
    const last = evaluatedWith;
    evaluatedWith = undefined; // until this evaluation has completed
    const blank = change && last?.profile === profile && last.today === today ? withBlankLines(evaluated, claims, change) : undefined;
    if (blank) {
      // Only blank lines arrived: no finding changes (a rules property), only the new fields are marked.
      evaluated = blank.evaluated;
      contract.add(blank.added.map(({ claimIndex, fields }) => ({ fields, verdictOf: lineVerdicts(evaluated[claimIndex]!.findings) })));
    } else {
      evaluated = claims.map((detected) => {
        const { claim, findings } = evaluateRaw(readRawClaim(detected, values), profile, { today });
        return { detected, claim, findings };
      });
      contract.apply(evaluated.map(({ detected, findings }) => ({ fields: detected.fields, verdictOf: lineVerdicts(findings) })));
    }
    evaluatedWith = { profile, today };
    const current = evaluated;
    options.onEvaluated(current, () => frameState(profile.id, current));
  }

  function run(claims: readonly DetectedClaim[], change?: ClaimChange, values?: FieldValues): void {
    latest = [...claims];
    if (paused) {
      evaluatedWith = undefined;
      return;
    }
    try {
      evaluateAll(latest, change, values);
    } catch (error) {
      options.onError(error);
    }
  }

  const { source } = options;
  const unsubscribe = source.subscribe(run);
  options.signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      contract.clear();
    },
    { once: true },
  );
  // The sensor may have found the claims before the engine was loaded.
  if (source.claims.length) run(source.claims);

  return {
    /** Re-runs the rules (e.g. after a profile switch) without waiting for the page to change. */
    reevaluate(): void {
      if (latest.length) run(latest);
      else source.rescan();
    },
    setPaused(next: boolean): void {
      paused = next;
      if (paused) {
        evaluated = [];
        contract.clear();
        const profileId = options.profile().id;
        options.onEvaluated([], () => ({ profileId, paused: true, claims: [] }));
      } else {
        source.rescan();
      }
    },
    get evaluated(): readonly EvaluatedClaim[] {
      return evaluated;
    },
  };
}

/**
 * The previous evaluation with blank service lines added, when `change` only appended fields that
 * are all empty, each on a line after its claim's existing ones, to the claims evaluated last.
 * A blank line changes no finding (tested as a property of the rules), so none is re-evaluated.
 * Undefined when that is not what happened.
 */
function withBlankLines(
  previous: readonly EvaluatedClaim[],
  claims: readonly DetectedClaim[],
  change: ClaimChange,
): { evaluated: EvaluatedClaim[]; added: Array<{ claimIndex: number; fields: DetectedField[] }> } | undefined {
  if (previous.length !== claims.length || change.appended.length === 0) return undefined;
  for (const field of change.appended) if (readValue(field.element) !== '') return undefined;
  const byClaim = new Map<number, Set<number>>();
  const out: EvaluatedClaim[] = [];
  for (let i = 0; i < claims.length; i++) {
    const detected = claims[i]!;
    const before = previous[i]!;
    if (detected === before.detected) {
      out.push(before);
      continue;
    }
    if (detected.container !== before.detected.container || detected.formType !== before.detected.formType) return undefined;
    byClaim.set(i, new Set());
    out.push({ ...before, detected });
  }
  // Each appended field belongs to one changed claim, on a line after that claim's last one.
  const placed = new Set(change.appended);
  const added: Array<{ claimIndex: number; fields: DetectedField[] }> = [];
  let found = 0;
  for (const i of byClaim.keys()) {
    const detected = claims[i]!;
    const lines = out[i]!.claim.lines;
    const last = lines.length ? lines[lines.length - 1]!.index : -1;
    const fields: DetectedField[] = [];
    // From the end: new lines usually are (and the search stops once every new field is found).
    for (let k = detected.fields.length - 1; k >= 0 && found < placed.size; k--) {
      const field = detected.fields[k]!;
      if (!placed.has(field)) continue;
      found++;
      fields.push(field);
      if (field.line === null) continue; // a blank diagnosis is no diagnosis
      if (field.line <= last) return undefined;
      byClaim.get(i)!.add(field.line);
    }
    added.push({ claimIndex: i, fields: fields.reverse() });
  }
  if (found !== change.appended.length) return undefined;
  for (const [i, newLines] of byClaim) {
    const before = out[i]!;
    const blank = [...newLines].sort((a, b) => a - b).map((index) => normalizeLine({ index, code: '', modifiers: [] }));
    out[i] = { ...before, claim: { ...before.claim, lines: before.claim.lines.concat(blank) } };
  }
  return { evaluated: out, added };
}

function frameState(profileId: string, evaluated: readonly EvaluatedClaim[]): FrameState {
  return {
    profileId,
    paused: false,
    claims: evaluated.map(({ detected, claim, findings }, claimIndex): ClaimState => {
      const verdictOf = lineVerdicts(findings);
      return {
        claimIndex,
        formType: detected.formType,
        lines: claim.lines.map((line) => {
          const verdict = verdictOf(line.index);
          return {
            index: line.index,
            code: line.code,
            modifiers: [...line.modifiers],
            units: line.units,
            severity: verdict.severity,
            ruleIds: [...verdict.ruleIds],
          };
        }),
        findings,
      };
    }),
  };
}
