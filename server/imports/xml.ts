import { DOMParser } from '@xmldom/xmldom';

/** Why an XML upload could not be read, and where: the parser's 1-based line and column when it knows them. */
export type XmlProblem = { message: string; line: number | null; column: number | null };
type Locator = { lineNumber?: number; columnNumber?: number } | undefined;

const at = (locator: Locator) => ({ line: locator?.lineNumber ?? null, column: locator?.columnNumber ?? null });
const where = ({ line, column }: { line: number | null; column: number | null }) => (line === null ? '' : ` (line ${line}, column ${column})`);

/**
 * Parses an uploaded XML document (KML, GPX) whose root element must be `root`. Malformed or truncated XML is a
 * problem with the parser's line and column, never an exception: xmldom throws on fatal errors, which would be a 500.
 */
export function readXml(text: string, root: string): { document: Document } | { problem: XmlProblem } {
  let first: XmlProblem | null = null;
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = new DOMParser({
      onError: (level, message, context) => {
        if (level !== 'warning' && !first) {
          const position = at((context as { locator?: Locator } | undefined)?.locator);
          first = { message: `${message}${where(position)}`, ...position };
        }
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const position = at((error as { locator?: Locator }).locator);
    return { problem: first ?? { message: `${(error as Error).message}${where(position)}`, ...position } };
  }
  if (first) return { problem: first };
  if (!document.documentElement || document.documentElement.nodeName !== root) return { problem: { message: `no <${root}> root element`, line: null, column: null } };
  return { document: document as unknown as Document };
}
