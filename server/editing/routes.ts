import { Hono, type Context } from 'hono';
import type { Feature } from 'geojson';
import { EDITABLE_COLLECTION_IDS, mayEditAsset } from '../auth/access.ts';
import { CARRIERS } from '../auth/audiences.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import type { CollectionDef } from '../collections/types.ts';
import { Conflict, Forbidden, InvalidFeature, NotFound } from '../errors.ts';
import { provinceOutline } from '../geometry/province.ts';
import { JSON_MEDIA_TYPES, jsonObject, limitBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { featureDocument } from '../ogc/envelope.ts';
import { apiBase, MEDIA } from '../ogc/links.ts';
import type { Services } from '../services.ts';
import type { StoredFeature } from '../storage/provider.ts';
import { checkAsset, siteCodesInUse } from './asset-check.ts';

const ITEMS = '/api/collections/:collectionId/items';
const ITEM = `${ITEMS}/:featureId`;

/** OGC API – Features Part 4 on the asset collections: carriers (and admins) create, replace, patch and delete. */
export const EDITING_RULES: RouteRule[] = [
  rule('POST', ITEMS, CARRIERS),
  rule('PUT', ITEM, CARRIERS),
  rule('PATCH', ITEM, CARRIERS),
  rule('DELETE', ITEM, CARRIERS),
];

const MAX_FEATURE_BYTES = 1024 * 1024;

/** The collection, if it is one carriers edit here; key targets and incidents change through their workflows. */
function editableCollection(id: string): CollectionDef {
  const collection = findCollection(id);
  if (!collection) throw new NotFound(`collection "${id}" does not exist`, { collection: id });
  if (!(EDITABLE_COLLECTION_IDS as readonly string[]).includes(id)) {
    throw new Forbidden(`${id} is not edited through items; ${id === 'key_targets' ? 'use /api/key-targets' : id === 'incidents' ? 'use /api/incidents' : 'it is reference data'}`, { collection: id });
  }
  return collection;
}

/** OGC API – Features Part 4 sends features as GeoJSON and patches as JSON merge patches (RFC 7396); plain JSON works too. */
const FEATURE_TYPES = [...JSON_MEDIA_TYPES, 'application/geo+json'];
const PATCH_TYPES = [...FEATURE_TYPES, 'application/merge-patch+json'];

export function editingRoutes(services: Services) {
  const { db, provider, audit } = services;
  const limit = limitBody(MAX_FEATURE_BYTES);

  /** The stored feature to change, refusing a carrier another carrier's asset (visible to them, so 403 not 404). */
  function existing(c: Context<AppEnv>, collection: CollectionDef): StoredFeature {
    const raw = c.req.param('featureId') ?? '';
    const feature = /^\d{1,15}$/.test(raw) ? provider.get(collection.id, Number(raw)) : undefined;
    if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
    if (!mayEditAsset(c.get('principal'), feature.properties.owner)) throw new Forbidden(`this ${collection.id} feature belongs to ${String(feature.properties.owner)}`, { owner: feature.properties.owner });
    return feature;
  }

  /** Checks a whole feature; throws 400 with every problem, 403 for another owner, 409 for a site code in use. */
  function prepared(c: Context<AppEnv>, collection: CollectionDef, input: unknown, before?: StoredFeature): Feature {
    const exceptId = before?.id;
    const check = checkAsset(collection, input, c.get('principal'), provinceOutline(provider), '', before?.properties);
    if (check.problems.length > 0) throw new InvalidFeature(`${check.problems[0].path}: ${check.problems[0].message}`, { problems: check.problems });
    if (check.foreignOwner) throw new Forbidden('a carrier edits only its own assets: owner must be your carrier', { owner: (check.feature!.properties as Record<string, unknown>).owner });
    const code = check.feature!.properties?.site_code;
    if (collection.id === 'bts_sites' && typeof code === 'string' && siteCodesInUse(provider, [code], exceptId).length > 0) {
      throw new Conflict(`site code ${code} is already used by another site`, { problems: [{ path: 'properties.site_code', message: 'already in use' }] });
    }
    return check.feature!;
  }

  const answer = (c: Context<AppEnv>, collection: CollectionDef, feature: StoredFeature, status: 200 | 201) =>
    c.body(JSON.stringify(featureDocument(apiBase(c.req.url), collection, feature)), status, {
      'Content-Type': MEDIA.geojson, ...(status === 201 ? { Location: `${apiBase(c.req.url)}/collections/${collection.id}/items/${feature.id}` } : {}),
    });
  const record = (c: Context<AppEnv>, action: 'create' | 'update' | 'delete', collection: CollectionDef, id: number, before?: StoredFeature, after?: StoredFeature) =>
    audit.append({ principal: c.get('principal'), action, targetType: collection.id, targetId: id, before, after, ip: c.get('clientAddress') });

  /** Replaces a feature and records before and after, in one transaction. */
  const replace = (c: Context<AppEnv>, collection: CollectionDef, before: StoredFeature, feature: Feature): StoredFeature =>
    db.transaction(() => {
      const replaced = provider.replace(collection.id, before.id, feature)!;
      record(c, 'update', collection, before.id, before, replaced);
      return replaced;
    })();

  return new Hono<AppEnv>()
    .post(ITEMS, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const feature = prepared(c, collection, await jsonObject(c.req.raw, FEATURE_TYPES));
      const stored = db.transaction(() => {
        const created = provider.create(collection.id, feature);
        record(c, 'create', collection, created.id, undefined, created);
        return created;
      })();
      return answer(c, collection, stored, 201);
    })
    .put(ITEM, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const before = existing(c, collection);
      return answer(c, collection, replace(c, collection, before, prepared(c, collection, await jsonObject(c.req.raw, FEATURE_TYPES), before)), 200);
    })
    .patch(ITEM, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const before = existing(c, collection);
      const patch = await jsonObject(c.req.raw, PATCH_TYPES);
      // JSON merge patch (RFC 7396) on properties; a geometry, when given, replaces the old one.
      const properties = { ...before.properties, ...((patch.properties as Record<string, unknown> | undefined) ?? {}) };
      for (const [name, value] of Object.entries(properties)) if (value === null) delete properties[name];
      const feature = prepared(c, collection, { type: 'Feature', geometry: patch.geometry ?? before.geometry, properties }, before);
      return answer(c, collection, replace(c, collection, before, feature), 200);
    })
    .delete(ITEM, (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const before = existing(c, collection);
      db.transaction(() => {
        provider.remove(collection.id, before.id);
        record(c, 'delete', collection, before.id, before);
      })();
      return c.body(null, 204);
    });
}
