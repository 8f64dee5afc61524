import { ownTextHasDigit, wordAt, wordAtPoint } from '../../overlay/text-at-point';

describe('wordAt', () => {
  it.each([
    ['Denied 77372: modifier 26', 9, '77372'],
    ['Denied 77372: modifier 26', 7, '77372'],
    ['Denied 77372: modifier 26', 12, '77372'],
    ['G0339,G0340', 8, 'G0340'],
    ['  ', 1, ''],
    ['', 0, ''],
    ['77432', 99, '77432'],
    ['payer ZIP 77372-0001.', 12, '77372-0001'],
    ['payer ZIP 77372-0001.', 18, '77372-0001'],
    ['77372-G6001', 2, '77372'],
    ['lines 1-2', 7, '1-2'],
  ])('%j at %i → %j', (text, offset, expected) => {
    expect(wordAt(text, offset)).toBe(expected);
  });
});

describe('ownTextHasDigit', () => {
  it.each([
    ['<td>Denied 77372</td>', true],
    ['<td>G0339</td>', true],
    ['<button>Add service line</button>', false],
    ['<td><b>77372</b></td>', false], // the pointer over 77372 is over the <b>
    ['<td></td>', false],
  ])('%s → %s', (html, expected) => {
    const host = document.createElement('table');
    host.innerHTML = `<tbody><tr>${html.startsWith('<td') ? html : `<td>${html}</td>`}</tr></tbody>`;
    const cell = host.querySelector('td')!;
    const target = html.startsWith('<button') ? cell.firstElementChild! : cell;
    expect(ownTextHasDigit(target)).toBe(expected);
  });
});

describe('wordAtPoint', () => {
  it('does not look up the caret (a layout) over an element whose own text has no digit', () => {
    const button = document.createElement('button');
    button.textContent = 'Add service line';
    document.body.append(button);
    const caret = vi.fn(() => null);
    (document as unknown as { caretPositionFromPoint: typeof caret }).caretPositionFromPoint = caret;
    try {
      expect(wordAtPoint(document, 1, 1, () => true, button)).toBeNull();
      expect(caret).not.toHaveBeenCalled();
      wordAtPoint(document, 1, 1, () => true);
      expect(caret).toHaveBeenCalledTimes(1);
    } finally {
      delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      button.remove();
    }
  });
});
