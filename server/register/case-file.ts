import { distance } from '@turf/turf';
import { readScope, scopedQuery } from '../auth/access.ts';
import { POLICE } from '../auth/audiences.ts';
import { hasRole, type Principal, type Role } from '../auth/principal.ts';
import { incidentHistory, readableIncident } from '../incidents/service.ts';
import type { Services } from '../services.ts';
import { OPEN_STATUSES, type HotlineOrigin } from '../storage/case-files.ts';
import type { StoredFeature } from '../storage/features.ts';
import type { PlaceIndex } from './places.ts';

/** Other incidents within this distance are listed as nearby on a case. */
export const NEARBY_METERS = 1000;
const NEARBY_LIMIT = 20;
/** Who sees citizens' and patrols' photos on a case: the audience of their own routes (hotline, field). */
const PHOTO_READERS = POLICE as readonly Role[];

/** Vietnam's calendar day (UTC+7) of an instant, e.g. the "today" a due date is compared with. */
export const vietnamDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const coordinates = (feature: StoredFeature) => (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;

/** Incidents the reader may see within NEARBY_METERS of this one, nearest first. */
async function nearbyIncidents(services: Services, principal: Principal, incident: StoredFeature) {
  const { features } = services.storage;
  const scope = await readScope(principal, 'incidents', features);
  if (!scope) return [];
  const [lon, lat] = coordinates(incident);
  const dLat = (NEARBY_METERS / 111_000) * 1.05, dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const candidates = (await features.query('incidents', scopedQuery(scope, { bbox: [lon - dLon, lat - dLat, lon + dLon, lat + dLat], filters: [], limit: 5000, offset: 0 }))).features;
  return candidates
    .filter((other) => other.id !== incident.id)
    .map((other) => ({
      id: other.id, type: other.properties.type, status: other.properties.status, occurredAt: other.properties.occurred_at,
      meters: Math.round(distance([lon, lat], coordinates(other), { units: 'meters' })), coordinates: coordinates(other),
    }))
    .filter((other) => other.meters <= NEARBY_METERS)
    .sort((a, b) => a.meters - b.meters || b.id - a.id)
    .slice(0, NEARBY_LIMIT);
}

/** The linked asset as the reader may see it (a carrier sees only location, owner and status of another's asset). */
async function linkedAsset(services: Services, principal: Principal, incident: StoredFeature) {
  const collection = incident.properties.asset_collection as string | null, id = incident.properties.asset_id as number | null;
  if (!collection || id === null) return null;
  const { features } = services.storage;
  const scope = await readScope(principal, collection, features);
  const asset = scope ? await features.get(collection, id) : undefined;
  return asset ? { collection, ...scope!.redact(asset) } : { collection, id, type: 'Feature', geometry: null, properties: {} };
}

/**
 * The photos a case rests on besides the files uploaded to it: the citizen's photo of the hotline report it was
 * converted from and the photos of the field findings filed as it. Like the hotline's and the field app's own photo
 * routes (which the links point at, under the same rule) they are for the police: anyone else gets none.
 */
async function evidencePhotos(services: Services, principal: Principal, incidentId: number, report: HotlineOrigin | undefined) {
  if (!hasRole(principal, ...PHOTO_READERS)) return [];
  const { photos, field } = services.storage;
  const fromHotline = report ? await photos.describe('hotline_report', [report.reportId]) : [];
  const findings = await field.findingsOf(incidentId);
  const fromPatrol = await photos.describe('field_finding', findings.map((finding) => finding.id));
  return [
    ...fromHotline.map((photo) => ({
      id: photo.ownerId, source: 'hotline' as const, mediaType: photo.mediaType, byteSize: photo.byteSize, width: photo.width, height: photo.height,
      caption: null, uploadedBy: 'public', uploadedAt: photo.receivedAt, href: `/api/hotline/reports/${photo.ownerId}/photo`,
    })),
    ...fromPatrol.map((photo) => {
      const finding = findings.find((candidate) => candidate.id === photo.ownerId)!;
      return {
        id: photo.ownerId, source: 'patrol' as const, mediaType: photo.mediaType, byteSize: photo.byteSize, width: photo.width, height: photo.height,
        caption: finding.note, uploadedBy: finding.officer, uploadedAt: finding.observedAt, href: `/api/field/findings/${photo.ownerId}/photo`,
      };
    }),
  ];
}

/**
 * Everything a case page shows, for a reader who may see the incident: the incident, its status history, its
 * assignment (overdue or not), comments and assignment changes, uploaded photos, the hotline's and the field
 * findings' photos (police only), the linked asset, nearby incidents, the
 * hotline report it came from (the reporter's contact only for the police) and its commune.
 */
export async function caseFile(services: Services, places: PlaceIndex, principal: Principal, id: number) {
  const { caseFiles } = services.storage;
  const incident = await readableIncident(services.storage.features, principal, id);
  const assignment = await caseFiles.assignment(id);
  const today = vietnamDay(services.now());
  const open = (OPEN_STATUSES as readonly unknown[]).includes(incident.properties.status);
  const report = await caseFiles.hotlineOrigin(id);
  const police = hasRole(principal, 'admin', 'police_planner');
  const [lon, lat] = coordinates(incident);
  return {
    incident,
    place: { commune: places.communeAt(lon, lat)?.name ?? null, district: places.districtName((incident.properties.district_code as string | null) ?? null) },
    assignment: assignment ? { ...assignment, overdue: open && assignment.dueDate < today } : null,
    history: await incidentHistory(services, id),
    events: await caseFiles.events(id),
    attachments: (await caseFiles.attachments(id)).map((attachment) => ({ ...attachment, href: `/api/register/incidents/${id}/attachments/${attachment.id}` })),
    photos: await evidencePhotos(services, principal, id, report),
    asset: await linkedAsset(services, principal, incident),
    nearby: await nearbyIncidents(services, principal, incident),
    hotline: report ? {
      reportId: report.reportId, trackingCode: report.trackingCode, seenAt: report.seenAt, receivedAt: report.receivedAt, description: report.description,
      contact: police ? report.contact : report.contact ? 'hidden' : null,
    } : null,
  };
}
