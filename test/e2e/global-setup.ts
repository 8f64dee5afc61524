import { missingPrerequisites } from './chromium';
import { missingFirefoxPrerequisites } from './firefox';

/** Browser tests never skip silently: a missing browser or build fails the run with the fix. */
export default function setup(): void {
  const problems = [...missingPrerequisites(), ...missingFirefoxPrerequisites()];
  if (problems.length) throw new Error(`End-to-end tests cannot run:\n- ${problems.join('\n- ')}`);
}
