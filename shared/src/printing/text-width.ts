/**
 * Column arithmetic for receipt printers.
 *
 * A thermal printer in its Chinese (GB18030/GBK) mode prints a single-byte character in
 * one column (12 dots of font A) and any multi-byte character in two (a 24-dot
 * glyph). So the width that matters is not `string.length` and not the Unicode East
 * Asian Width either: it is "ASCII = 1, everything else = 2", which is also what a
 * GB-encoded byte count gives. `是` and `é` and `×` all take two columns on the paper.
 */

/** Printable ASCII: one column. */
const NARROW = /^[\x20-\x7e]$/;

/**
 * Text that is safe to send to a printer: NFC, no control or format characters (an
 * ESC inside a product name would otherwise be a printer command), no combining marks
 * left over (a printer cannot overstrike) and no private-use characters; tabs and line
 * breaks become spaces.
 */
export function printableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Mn}\p{Me}]/gu, '');
}

/** Columns one character (one code point) takes: 1 for printable ASCII, 2 for anything else. */
export function charColumns(char: string): 1 | 2 {
  return NARROW.test(char) ? 1 : 2;
}

/** Columns the text takes on the paper (see the file comment). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charColumns(char);
  return width;
}

/** Pads with spaces on the right to `width` columns (text already that wide is returned as is). */
export function padEndColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Pads with spaces on the left to `width` columns. */
export function padStartColumns(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}

/** The longest prefix that fits in `width` columns (a wide character never gets split). */
export function truncateColumns(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charColumns(char);
    if (used + w > width) break;
    out += char;
    used += w;
  }
  return out;
}

// Closing punctuation must not start a line, opening punctuation must not end one (禁则).
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…·,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Tokens a line may break between: a run of narrow non-space characters (a Latin word
 * or a number) stays whole; each wide character is a token of its own, so Chinese breaks
 * anywhere; spaces are separators.
 */
function tokens(text: string): string[] {
  return text.match(/ +|[\x21-\x7e]+|[^\x20-\x7e]/gu) ?? [];
}

/** Splits a token wider than `width` into pieces that fit. */
function hardBreak(token: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = token;
  while (textWidth(rest) > width) {
    const head = truncateColumns(rest, width);
    pieces.push(head);
    rest = rest.slice(head.length);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Word-wraps to lines of at most `width` columns: Latin words stay whole unless longer
 * than a line, Chinese breaks between characters, closing punctuation does not start a
 * line, spaces at a break disappear. Always returns at least one line (maybe empty).
 */
export function wrapColumns(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 2) throw new RangeError(`wrap width must be an integer of at least 2, got ${width}`);
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  const flush = () => {
    while (line.length && line[line.length - 1]!.trim() === '') used -= textWidth(line.pop()!);
    lines.push(line.join(''));
    line = [];
    used = 0;
  };
  // Ends the current line; an indent with nothing after it is dropped rather than printed as a blank line.
  const breakLine = () => {
    if (line.some((t) => t.trim() !== '')) flush();
    line = [];
    used = 0;
  };
  for (const token of tokens(printableText(text))) {
    const w = textWidth(token);
    if (token.trim() === '') {
      // Spaces between words, and the indent of the first line, are kept; at a break they go.
      if ((line.length || lines.length === 0) && used + w <= width) {
        line.push(token);
        used += w;
      } else breakLine();
      continue;
    }
    if (used + w <= width) {
      line.push(token);
      used += w;
      continue;
    }
    if (w > width) {
      // A word longer than a whole line starts a line of its own and is cut into pieces.
      breakLine();
      const pieces = hardBreak(token, width);
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      line = [pieces[pieces.length - 1]!];
      used = textWidth(line[0]!);
      continue;
    }
    // The token goes to the next line; keep punctuation rules where the line allows it.
    const carried: string[] = [];
    const canCarry = (t: string) => line.length > 1 && textWidth([t, ...carried, token].join('')) <= width;
    if (NO_LINE_START.has(token) && canCarry(line[line.length - 1]!) && textWidth(line[line.length - 1]!) <= 2) carried.unshift(line.pop()!);
    while (line.length && NO_LINE_END.has(line[line.length - 1]!) && canCarry(line[line.length - 1]!)) carried.unshift(line.pop()!);
    breakLine();
    line = [...carried, token];
    used = textWidth(line.join(''));
  }
  if (line.length || lines.length === 0) flush();
  return lines;
}
