import { detectClaims, type DetectedClaim } from '../detection';

/**
 * Our code must never throw into the portal. Every entry point from the page (event listeners,
 * observers, timers) goes through `guard`, which reports the error to our own handler instead.
 */
export function guard<A extends unknown[]>(fn: (...args: A) => void, onError: (error: unknown) => void) {
  return (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      onError(error);
    }
  };
}

export function detectClaimsSafely(doc: Document, onError: (error: unknown) => void): DetectedClaim[] {
  try {
    return detectClaims(doc);
  } catch (error) {
    onError(error);
    return [];
  }
}
