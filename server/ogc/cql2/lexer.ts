/** A CQL2 text token: a quoted string, a number, a (possibly double-quoted) identifier or keyword, or punctuation. */
export type Token = { kind: 'string' | 'number' | 'word' | 'quoted' | 'symbol'; text: string; at: number };

const SYMBOLS = ['<>', '<=', '>=', '=', '<', '>', '(', ')', ',', '[', ']'];

/** Splits CQL2 text into tokens; `fail` reports the position of anything it cannot read. */
export function tokenize(text: string, fail: (message: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) { i++; continue; }
    if (char === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) fail(`unterminated string starting at character ${i + 1}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") { value += "'"; j += 2; continue; }
          break;
        }
        value += text[j++];
      }
      tokens.push({ kind: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    if (char === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) fail(`unterminated quoted name starting at character ${i + 1}`);
      tokens.push({ kind: 'quoted', text: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    // A sign starts a number only where a value can start (not after a value: `a -1` never occurs in CQL2 text).
    const previous = tokens[tokens.length - 1];
    const valueExpected = !previous || previous.kind === 'symbol' || (previous.kind === 'word' && /^(and|or|not|between|in|like|ilike)$/i.test(previous.text));
    if (number && (/\d|\./.test(char) || valueExpected)) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_:.]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, i));
    if (!symbol) fail(`unexpected "${char}" at character ${i + 1}`);
    tokens.push({ kind: 'symbol', text: symbol, at: i });
    i += symbol.length;
  }
  return tokens;
}
