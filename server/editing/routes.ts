import { Hono, type Context } from 'hono';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { EDITABLE_COLLECTION_IDS, mayEditAsset } from '../auth/access.ts';
import { CARRIERS } from '../auth/audiences.ts';
import type { Principal } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { findCollection } from '../collections/registry.ts';
import type { CollectionDef } from '../collections/types.ts';
import { Conflict, Forbidden, InvalidFeature, NotFound, PreconditionFailed } from '../errors.ts';
import { provinceOutline } from '../geometry/province.ts';
import { actorOf } from '../http/actor.ts';
import { JSON_MEDIA_TYPES, jsonObject, limitBody } from '../http/body.ts';
import { conditionTags, featureTag, tagMatches } from '../http/etag.ts';
import type { AppEnv } from '../http/env.ts';
import { featureDocument } from '../ogc/envelope.ts';
import { apiBase, MEDIA } from '../ogc/links.ts';
import type { Services } from '../services.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';
import type { Stores } from '../storage/storage.ts';
import { applied, transact, type Write } from '../writes/transact.ts';
import { checkAsset, siteCodesInUse, type AssetCheck } from './asset-check.ts';

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

/**
 * The stored feature to change, read inside the write's transaction: 404 when there is none (also when `If-Match` was
 * sent: RFC 9110 §13.2.1 ignores preconditions for a request that fails anyway), 403 for another carrier's asset
 * (visible to them, so not 404), 412 with the current tag when `If-Match` names another version.
 */
async function existing(features: FeatureStore, principal: Principal, collection: CollectionDef, raw: string, ifMatch?: '*' | string[]): Promise<StoredFeature> {
  const feature = /^\d{1,15}$/.test(raw) ? await features.get(collection.id, Number(raw)) : undefined;
  if (!feature) throw new NotFound(`feature "${raw}" does not exist in ${collection.id}`, { collection: collection.id, featureId: raw });
  if (!mayEditAsset(principal, feature.properties.owner)) throw new Forbidden(`this ${collection.id} feature belongs to ${String(feature.properties.owner)}`, { owner: feature.properties.owner });
  const current = featureTag(feature);
  if (ifMatch && !tagMatches(ifMatch, current)) throw new PreconditionFailed(`feature ${feature.id} was changed by someone else since you read it`, { etag: current });
  return feature;
}

/**
 * The deleted feature `raw` names, to be restored under its own id (undo of a delete): its id must be free and the
 * last write to it a delete, by the audit log, of an asset the caller may edit. Ids are never handed out twice, so
 * the id is still the deleted feature's own.
 */
async function deletedFeature(tx: Stores, principal: Principal, collection: CollectionDef, raw: string): Promise<StoredFeature> {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  const present = id === undefined ? undefined : await tx.features.get(collection.id, id);
  if (present) throw new PreconditionFailed(`feature ${raw} exists; If-None-Match: * only restores a deleted one`, { etag: featureTag(present) });
  const history = id === undefined ? [] : (await tx.audit.list({ targetType: collection.id, targetId: String(id), limit: 50, offset: 0 })).records;
  const last = history.find((record) => record.action === 'create' || record.action === 'update' || record.action === 'delete');
  if (last?.action !== 'delete') throw new NotFound(`there is no deleted feature "${raw}" in ${collection.id} to restore`, { collection: collection.id, featureId: raw });
  const deleted = last.before as StoredFeature;
  if (!mayEditAsset(principal, deleted.properties.owner)) throw new Forbidden(`the deleted ${collection.id} feature belonged to ${String(deleted.properties.owner)}`, { owner: deleted.properties.owner });
  return deleted;
}

/** What a write of one asset is checked against: the full check of the new feature, and whether its site code is taken. */
type Checked = { check: AssetCheck; codeTaken: boolean };

async function checked(features: FeatureStore, collection: CollectionDef, principal: Principal, province: Feature<Polygon | MultiPolygon> | undefined, input: unknown, before?: StoredFeature): Promise<Checked> {
  const exceptId = before?.id;
  const check = checkAsset(collection, input, principal, province, '', before?.properties);
  const code = check.feature?.properties?.site_code;
  const codeTaken = collection.id === 'bts_sites' && typeof code === 'string' && (await siteCodesInUse(features, [code], exceptId)).length > 0;
  return { check, codeTaken };
}

/** 400 with every problem; then 403 for another owner, 409 for a site code in use. */
function assetProblems({ check, codeTaken }: Checked) {
  if (check.problems.length > 0) return check.problems;
  if (check.foreignOwner) throw new Forbidden('a carrier edits only its own assets: owner must be your carrier', { owner: (check.feature!.properties as Record<string, unknown>).owner });
  if (codeTaken) throw new Conflict(`site code ${String(check.feature!.properties!.site_code)} is already used by another site`, { problems: [{ path: 'properties.site_code', message: 'already in use' }] });
  return [];
}
const refuse = (problems: readonly { path: string; message: string }[]) => new InvalidFeature(`${problems[0].path}: ${problems[0].message}`, { problems });

/** OGC API – Features Part 4 sends features as GeoJSON and patches as JSON merge patches (RFC 7396); plain JSON works too. */
const FEATURE_TYPES = [...JSON_MEDIA_TYPES, 'application/geo+json'];
const PATCH_TYPES = [...FEATURE_TYPES, 'application/merge-patch+json'];
/** The members of a GeoJSON Feature a merge patch may carry: `type` and `id` as sent by clients that echo them. */
const PATCH_MEMBERS = ['type', 'id', 'geometry', 'properties'];

export function editingRoutes(services: Services) {
  const { storage } = services;
  const limit = limitBody(MAX_FEATURE_BYTES);

  const answer = (c: Context<AppEnv>, collection: CollectionDef, feature: StoredFeature, status: 200 | 201) =>
    c.body(JSON.stringify(featureDocument(apiBase(c.req.url), collection, feature)), status, {
      'Content-Type': MEDIA.geojson, ETag: featureTag(feature), ...(status === 201 ? { Location: `${apiBase(c.req.url)}/collections/${collection.id}/items/${feature.id}` } : {}),
    });
  const ifMatch = (c: Context<AppEnv>) => conditionTags(c.req.header('If-Match'));

  /**
   * Replaces a stored asset with what `next` makes of it: the stored feature is read, the new one built and checked
   * and the replacement written in one transaction, so two concurrent edits cannot lose each other; `If-Match` is
   * checked against the stored version there too.
   */
  const replacement = (c: Context<AppEnv>, collection: CollectionDef, province: Feature<Polygon | MultiPolygon> | undefined, next: (before: StoredFeature) => unknown): Write<Checked & { before: StoredFeature }, StoredFeature> => ({
    read: async (tx) => {
      const before = await existing(tx.features, c.get('principal'), collection, c.req.param('featureId') ?? '', ifMatch(c));
      return { before, ...(await checked(tx.features, collection, c.get('principal'), province, next(before), before)) };
    },
    check: assetProblems,
    refuse,
    apply: async (tx, { before, check }) => {
      const after = (await tx.features.replace(collection.id, before.id, check.feature!))!;
      return applied(after, [{ action: 'update', targetType: collection.id, targetId: before.id, before, after }]);
    },
  });

  return new Hono<AppEnv>()
    .post(ITEMS, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const input = await jsonObject(c.req.raw, FEATURE_TYPES);
      const province = await provinceOutline(storage.features);
      const stored = await transact(services, actorOf(c), {
        read: (tx) => checked(tx.features, collection, c.get('principal'), province, input),
        check: assetProblems,
        refuse,
        apply: async (tx, { check }) => {
          const created = await tx.features.create(collection.id, check.feature!);
          return applied(created, [{ action: 'create', targetType: collection.id, targetId: created.id, after: created }]);
        },
      });
      return answer(c, collection, stored, 201);
    })
    .put(ITEM, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const input = await jsonObject(c.req.raw, FEATURE_TYPES);
      const province = await provinceOutline(storage.features);
      if (conditionTags(c.req.header('If-None-Match')) !== '*') return answer(c, collection, await transact(services, actorOf(c), replacement(c, collection, province, () => input)), 200);
      // `If-None-Match: *` puts a feature only where there is none: the web app's undo of a delete, under the same id.
      const restored = await transact(services, actorOf(c), {
        read: async (tx) => {
          const deleted = await deletedFeature(tx, c.get('principal'), collection, c.req.param('featureId') ?? '');
          return { deleted, ...(await checked(tx.features, collection, c.get('principal'), province, input, deleted)) };
        },
        check: assetProblems,
        refuse,
        apply: async (tx, { deleted, check }) => {
          await tx.features.insert(collection.id, [{ ...check.feature!, id: deleted.id }]);
          const after = (await tx.features.get(collection.id, deleted.id))!;
          return applied(after, [{ action: 'create', targetType: collection.id, targetId: deleted.id, after, details: { restored: true } }]);
        },
      });
      return answer(c, collection, restored, 201);
    })
    .patch(ITEM, limit, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      const patch = await jsonObject(c.req.raw, PATCH_TYPES);
      // A patch of a feature touches its geometry and properties; any other member (`__proto__`, `constructor`, a
      // misspelt `propertes`) would be silently dropped and answered 200 as if applied, so it is refused instead.
      const foreign = Object.keys(patch).filter((member) => !PATCH_MEMBERS.includes(member));
      if (foreign.length > 0) throw new InvalidFeature(`a patch carries only ${PATCH_MEMBERS.join(', ')}; not ${foreign.join(', ')}`, { problems: foreign.map((member) => ({ path: member, message: 'not a member a feature patch may change' })) });
      if (patch.properties !== undefined && (typeof patch.properties !== 'object' || patch.properties === null || Array.isArray(patch.properties))) {
        throw new InvalidFeature('properties: a patch\'s properties must be an object', { problems: [{ path: 'properties', message: 'must be an object' }] });
      }
      const province = await provinceOutline(storage.features);
      // JSON merge patch (RFC 7396) on properties, applied to the feature as stored when the transaction reads it; a
      // geometry, when given, replaces the old one.
      const merged = (before: StoredFeature) => {
        const properties: Record<string, unknown> = { ...before.properties, ...((patch.properties as Record<string, unknown> | undefined) ?? {}) };
        for (const [name, value] of Object.entries(properties)) if (value === null) delete properties[name];
        return { type: 'Feature', geometry: patch.geometry ?? before.geometry, properties };
      };
      return answer(c, collection, await transact(services, actorOf(c), replacement(c, collection, province, merged)), 200);
    })
    .delete(ITEM, async (c) => {
      const collection = editableCollection(c.req.param('collectionId'));
      await transact(services, actorOf(c), {
        read: (tx) => existing(tx.features, c.get('principal'), collection, c.req.param('featureId') ?? '', ifMatch(c)),
        apply: async (tx, before) => {
          await tx.features.remove(collection.id, before.id);
          return applied(null, [{ action: 'delete', targetType: collection.id, targetId: before.id, before }]);
        },
      });
      return c.body(null, 204);
    });
}
