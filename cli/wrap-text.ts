// Word wrapping for the findings table: messages are sentences for a licensee and must stay
// readable in an 80-column terminal.

/** Splits text into lines of at most `width` characters, breaking at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    // A word longer than the column (a URL, a long code) is cut rather than overflowing.
    const pieces = word.length > limit ? chunk(word, limit) : [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= limit) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function chunk(word: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < word.length; start += size)
    pieces.push(word.slice(start, start + size));
  return pieces;
}
