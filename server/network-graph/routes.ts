import { Hono } from 'hono';
import { nearestPointOnLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { z } from 'zod';
import { hasRole } from '../auth/principal.ts';
import { rule, type RouteRule } from '../auth/route-rule.ts';
import { Forbidden, InvalidBody } from '../errors.ts';
import { jsonObject, limitBody, parseWith } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../services.ts';
import { auditRead } from '../audit/log.ts';
import { actorOf } from '../http/actor.ts';
import { createNetworkCache } from './cache.ts';
import { cutImpact, type AssetRef, type Cut } from './index.ts';

export const CUT_IMPACT_RULES: RouteRule[] = [rule('POST', '/api/cut-impact', ['admin', 'police_planner', 'dic_reviewer', 'carrier_editor'])];

const request = z.object({ routeId: z.number().int(), point: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional() }).strict();

/**
 * `POST /api/cut-impact` `{ routeId, point? }`: which of the route owner's sites and facilities lose every path to an
 * exchange if the route is cut (at the point, snapped to its nearest segment, or whole), and which on it stay up.
 * Carriers ask about their own network; police and the DIC about any.
 */
export function cutImpactRoutes(services: Services) {
  const { storage, work } = services;
  const graphs = createNetworkCache(storage.features, storage.counters, work);
  return new Hono<AppEnv>().post('/', limitBody(8 * 1024), async (c) => {
    const body = parseWith(request, await jsonObject(c.req.raw));
    const principal = c.get('principal');
    const route = await storage.features.get('cable_routes', body.routeId);
    if (!route) throw new InvalidBody(`cable route ${body.routeId} does not exist`, { problems: [{ path: 'routeId', message: 'unknown route' }] });
    const owner = String(route.properties.owner);
    if (hasRole(principal, 'carrier_editor') && principal.carrier !== owner) throw new Forbidden('a carrier traces cuts on its own network only');
    let segment: Cut['segment'];
    let cutAt: [number, number] | null = null;
    if (body.point) {
      const snapped = nearestPointOnLine(route as Feature<LineString | MultiLineString>, body.point, { units: 'meters' });
      cutAt = snapped.geometry.coordinates as [number, number];
      segment = { part: Number(snapped.properties.multiFeatureIndex ?? 0), index: Number(snapped.properties.index), at: cutAt };
    }
    const { network, features } = await graphs.network(owner);
    // The graph is built in the work pool; the search of one cut is linear in the carrier's spans and runs here.
    const result = cutImpact(network, { routeId: route.id, segment });
    const collection = (assets: AssetRef[]) => ({
      type: 'FeatureCollection' as const,
      features: assets.map((asset) => {
        const feature = features.get(String(asset.id))!;
        const [layer, id] = String(asset.id).split('/');
        return { type: 'Feature' as const, id: Number(id), geometry: feature.geometry, properties: { collection: layer, name: feature.properties.site_code ?? feature.properties.name, owner: asset.owner } };
      }),
    });
    await auditRead(services, actorOf(c), { action: 'read', targetType: 'cut_impact', targetId: route.id, details: { isolated: result.isolated.length } });
    return c.json({ routeId: route.id, owner, cut: cutAt ? { type: 'Point', coordinates: cutAt } : route.geometry, isolated: collection(result.isolated), stillConnected: collection(result.stillConnected) });
  });
}
