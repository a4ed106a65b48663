import { InvalidParameter } from '../../errors.ts';
import { parseWkt } from '../../geometry/wkt.ts';
import { tokenize, type Token } from './lexer.ts';

/** A CQL2 JSON expression (OGC 21-065): `{ op, args }`, `{ property }`, literals, `{ timestamp }`, `{ date }`, `{ interval }`, GeoJSON, `{ bbox }`. */
export type CqlJson = string | number | boolean | null | CqlJson[] | { [key: string]: CqlJson };

const COMPARISONS = ['=', '<>', '<', '<=', '>', '>='];
const GEOMETRIES = ['point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon'];
const MAX_DEPTH = 40;

/**
 * Parses CQL2 text (OGC 21-065 §8: comparison, LIKE/ILIKE, BETWEEN, IN, IS NULL, AND/OR/NOT, CASEI/ACCENTI,
 * spatial and temporal functions with WKT, BBOX, TIMESTAMP, DATE and INTERVAL literals) into CQL2 JSON, so text and
 * JSON filters share one resolver. Errors are 400s naming `filter` and the character where reading failed.
 */
export function parseCqlText(text: string): CqlJson {
  const fail = (message: string): never => {
    throw new InvalidParameter('filter', `filter is not valid CQL2 text: ${message}`);
  };
  const tokens = tokenize(text, fail);
  let position = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[position];
  const where = () => (peek() ? `at character ${peek()!.at + 1}` : 'at the end');
  const isWord = (word: string, token = peek()) => token?.kind === 'word' && token.text.toLowerCase() === word;
  const isSymbol = (symbol: string) => peek()?.kind === 'symbol' && peek()!.text === symbol;
  const expectSymbol = (symbol: string) => {
    if (!isSymbol(symbol)) fail(`"${symbol}" expected ${where()}`);
    position++;
  };
  const acceptWord = (word: string) => (isWord(word) ? (position++, true) : false);

  const orExpression = (): CqlJson => {
    if (++depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    const args = [andExpression()];
    while (acceptWord('or')) args.push(andExpression());
    depth--;
    return args.length === 1 ? args[0] : { op: 'or', args };
  };
  const andExpression = (): CqlJson => {
    const args = [notExpression()];
    while (acceptWord('and')) args.push(notExpression());
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const notExpression = (): CqlJson => (acceptWord('not') ? { op: 'not', args: [notExpression()] } : primary());
  const primary = (): CqlJson => {
    if (isSymbol('(')) {
      position++;
      const inner = orExpression();
      expectSymbol(')');
      return inner;
    }
    return predicate();
  };

  const predicate = (): CqlJson => {
    const left = scalar();
    const negated = acceptWord('not');
    if (isWord('like') || isWord('ilike')) {
      const op = peek()!.text.toLowerCase();
      position++;
      const like: CqlJson = { op, args: [left, scalar()] };
      return negated ? { op: 'not', args: [like] } : like;
    }
    if (acceptWord('between')) {
      const low = scalar();
      if (!acceptWord('and')) fail(`AND expected in BETWEEN ${where()}`);
      const between: CqlJson = { op: 'between', args: [left, low, scalar()] };
      return negated ? { op: 'not', args: [between] } : between;
    }
    if (acceptWord('in')) {
      expectSymbol('(');
      const list = [scalar()];
      while (isSymbol(',')) { position++; list.push(scalar()); }
      expectSymbol(')');
      const inList: CqlJson = { op: 'in', args: [left, list] };
      return negated ? { op: 'not', args: [inList] } : inList;
    }
    if (negated) fail(`LIKE, BETWEEN or IN expected after NOT ${where()}`);
    if (acceptWord('is')) {
      const not = acceptWord('not');
      if (!acceptWord('null')) fail(`NULL expected ${where()}`);
      const isNull: CqlJson = { op: 'isNull', args: [left] };
      return not ? { op: 'not', args: [isNull] } : isNull;
    }
    const token = peek();
    if (token?.kind === 'symbol' && COMPARISONS.includes(token.text)) {
      position++;
      return { op: token.text, args: [left, scalar()] };
    }
    // A function call or a boolean standing alone is a predicate of its own.
    if (typeof left === 'boolean' || (typeof left === 'object' && left !== null && !Array.isArray(left) && 'op' in left)) return left;
    return fail(`a comparison, LIKE, BETWEEN, IN or IS NULL expected ${where()}`);
  };

  const numberValue = (): number => {
    const token = peek();
    if (token?.kind !== 'number') fail(`a number expected ${where()}`);
    position++;
    return Number(token!.text);
  };
  const stringArgument = (): string => {
    expectSymbol('(');
    const token = peek();
    if (token?.kind !== 'string') fail(`a quoted string expected ${where()}`);
    position++;
    expectSymbol(')');
    return token!.text;
  };
  const list = <T>(item: () => T): T[] => {
    expectSymbol('(');
    const items = [item()];
    while (isSymbol(',')) { position++; items.push(item()); }
    expectSymbol(')');
    return items;
  };
  /** A WKT literal from its type keyword (already read, at `start`) to its balanced closing parenthesis. */
  const geometry = (start: Token): CqlJson => {
    if (peek()?.kind === 'word' && /^(z|m|zm)$/i.test(peek()!.text)) position++;
    if (!isSymbol('(')) fail(`"(" expected ${where()}`);
    let depthInside = 0;
    do {
      const token = peek() ?? fail(`unbalanced parentheses in the ${start.text} starting at character ${start.at + 1}`);
      if (token.kind === 'symbol' && token.text === '(') depthInside++;
      if (token.kind === 'symbol' && token.text === ')') depthInside--;
      position++;
    } while (depthInside > 0);
    const last = tokens[position - 1];
    try {
      return parseWkt(text.slice(start.at, last.at + 1)) as unknown as CqlJson;
    } catch (error) {
      return fail(`${(error as Error).message} (at character ${start.at + 1})`);
    }
  };

  const scalar = (): CqlJson => {
    const token = peek();
    if (!token) return fail('a value expected at the end');
    if (token.kind === 'string') { position++; return token.text; }
    if (token.kind === 'number') { position++; return Number(token.text); }
    if (token.kind === 'quoted') { position++; return { property: token.text }; }
    if (token.kind === 'symbol') return fail(`a value expected ${where()}`);
    const word = token.text.toLowerCase();
    position++;
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (word === 'timestamp') return { timestamp: stringArgument() };
    if (word === 'date') return { date: stringArgument() };
    if (word === 'interval') {
      const ends = list(() => {
        const end = peek();
        if (end?.kind !== 'string') fail(`a quoted instant or '..' expected ${where()}`);
        position++;
        return end!.text;
      });
      if (ends.length !== 2) fail('INTERVAL takes two instants');
      return { interval: ends };
    }
    if (word === 'bbox') {
      const numbers = list(numberValue);
      if (numbers.length !== 4 && numbers.length !== 6) fail('BBOX takes 4 or 6 numbers');
      return { bbox: numbers };
    }
    if (GEOMETRIES.includes(word)) return geometry(token);
    if (isSymbol('(')) {
      // CASEI and the spatial and temporal functions; a function the store cannot run is the resolver's to refuse.
      return { op: word, args: list(scalar) };
    }
    return { property: token.text };
  };

  if (tokens.length === 0) fail('the filter is empty');
  const result = orExpression();
  if (position < tokens.length) fail(`unexpected "${peek()!.text}" at character ${peek()!.at + 1}`);
  return result;
}
