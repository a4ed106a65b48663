/**
 * The web app's pages besides the signed-in app (index.html): each answers its addresses, Vietnamese first with
 * an English alias, and loads only its own code.
 */
export const PAGE_ROUTES = [
  { file: 'bao-tin.html', prefixes: ['/bao-tin', '/hotline'] },
  { file: 'thuc-dia.html', prefixes: ['/thuc-dia', '/field'] },
] as const;
