import { EVERYONE, SIGNED_IN } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';

/** Metadata is open (GIS clients probe it before authenticating); collections need a signed-in reader. */
export const OGC_RULES: RouteRule[] = [
  rule('GET', '/api', EVERYONE),
  rule('GET', '/api/api', EVERYONE),
  rule('GET', '/api/conformance', EVERYONE),
  rule('GET', '/api/collections', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/queryables', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/schema', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/schema.xsd', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/items', SIGNED_IN),
  rule('GET', '/api/collections/:collectionId/items/:featureId', SIGNED_IN),
];
