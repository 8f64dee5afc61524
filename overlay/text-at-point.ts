/** Finding the word under the pointer in page text, without touching the page's text nodes. */

const WORD = /[A-Za-z0-9]/;
const DIGIT = /[0-9]/;

/**
 * The alphanumeric word of `text` that contains `offset` (or ends right at it). A hyphen between
 * digits joins them (a ZIP+4 such as 77372-0001, a phone number): such a number is not a code.
 */
export function wordAt(text: string, offset: number): string {
  let start = Math.min(Math.max(offset, 0), text.length);
  let end = start;
  const joins = (at: number) => text[at] === '-' && DIGIT.test(text[at - 1] ?? '') && DIGIT.test(text[at + 1] ?? '');
  while (start > 0 && (WORD.test(text[start - 1]!) || joins(start - 1))) start -= 1;
  while (end < text.length && (WORD.test(text[end]!) || joins(end))) end += 1;
  return text.slice(start, end);
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The text node and offset under a viewport point, through whichever caret API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The word in page text under the point, or null over form fields, our own UI, or no text.
 * `isKnown` keeps only words we can describe (codes in the catalog). `over`, the element the
 * pointer is over when known, spares the caret look-up when its own text has no digit.
 */
export function wordAtPoint(doc: Document, x: number, y: number, isKnown: (word: string) => boolean, over?: Element): string | null {
  if (over && !ownTextHasDigit(over)) return null;
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const parent = caret.node.parentElement;
  if (!parent || parent.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [data-claimguide-ui]')) {
    return null;
  }
  const word = wordAt(caret.node.textContent ?? '', caret.offset).toUpperCase();
  return word && isKnown(word) ? word : null;
}

/**
 * False when none of the element's own text has a digit: every code we describe has one, so
 * the caret look-up (which makes the browser lay the page out) is skipped over buttons and prose.
 * The text under the pointer is a child of the element the pointer is over.
 */
export function ownTextHasDigit(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && DIGIT.test(node.nodeValue ?? '')) return true;
  }
  return false;
}
