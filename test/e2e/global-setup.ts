import { missingPrerequisites } from './chromium';

/** Browser tests never skip silently: a missing Chromium or build fails the run with the fix. */
export default function setup(): void {
  const problems = missingPrerequisites();
  if (problems.length) throw new Error(`End-to-end tests cannot run:\n- ${problems.join('\n- ')}`);
}
