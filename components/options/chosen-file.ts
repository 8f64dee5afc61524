/**
 * The file the coder chose, from a file input's change event. The input is cleared, so that
 * choosing the same file again (after fixing it) is a change too.
 */
export function takeChosenFile(event: Event): File | undefined {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file;
}
