import type { DetectedClaim } from '../detection';
import { readRawClaim } from '../detection';
import type { Claim, Finding, PayerProfile } from '../rules';
import { evaluateRaw, lineVerdicts } from '../rules';
import type { ClaimState, FrameState } from '../messaging/schemas';
import { createContractWriter, type ContractEntry } from './contract';

/** One claim on the page, with what the rules found in it. */
export interface EvaluatedClaim {
  detected: DetectedClaim;
  claim: Claim;
  findings: Finding[];
}

/** Where the claims come from: the frame's sensor (content/sensor.ts). */
export interface ClaimSource {
  readonly claims: readonly DetectedClaim[];
  subscribe(listener: (claims: readonly DetectedClaim[]) => void): () => void;
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

  function evaluateAll(claims: readonly DetectedClaim[]): void {
    const profile = options.profile();
    const today = options.today();
    evaluated = claims.map((detected) => {
      const { claim, findings } = evaluateRaw(readRawClaim(detected), profile, { today });
      return { detected, claim, findings };
    });
    contract.apply(evaluated.flatMap(contractEntries));
    const current = evaluated;
    options.onEvaluated(current, () => frameState(profile.id, current));
  }

  function run(claims: readonly DetectedClaim[]): void {
    latest = [...claims];
    if (paused) return;
    try {
      evaluateAll(latest);
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

function contractEntries({ detected, findings }: EvaluatedClaim): ContractEntry[] {
  const verdictOf = lineVerdicts(findings);
  return detected.fields.map(({ element, role, line }) => ({
    element,
    role,
    line,
    verdict: role === 'cpt' && line !== null ? verdictOf(line) : undefined,
  }));
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
