import { ANALYSIS_RULES } from '../analysis-api/routes.ts';
import { AUDIT_RULES } from '../audit/routes.ts';
import { EDITING_RULES } from '../editing/routes.ts';
import { IMPORT_RULES } from '../imports/routes.ts';
import { INCIDENT_RULES } from '../incidents/routes.ts';
import { ALARM_RULES } from '../alarms/routes.ts';
import { EVENT_RULES } from '../events/routes.ts';
import { HOTLINE_RULES } from '../hotline/routes.ts';
import { KEY_TARGET_RULES } from '../key-targets/routes.ts';
import { BULLETIN_RULES } from '../bulletins/routes.ts';
import { AGENCY_INSPECTION_RULES } from '../inspections/inspection-routes.ts';
import { INSPECTION_PLAN_RULES } from '../inspections/plan-routes.ts';
import { INSPECTION_RULES } from '../inspections/routes.ts';
import { EXPORT_RULES } from '../exports/routes.ts';
import { REPORT_RULES } from '../reports/routes.ts';
import { REWARD_RULES } from '../rewards/routes.ts';
import { INVENTORY_RULES } from '../inventory/routes.ts';
import { CUT_IMPACT_RULES } from '../network-graph/routes.ts';
import { PATROL_TRACK_RULES } from '../patrol-tracks/routes.ts';
import { TILE_RULES } from '../tiles/routes.ts';
import { REGISTER_RULES } from '../register/routes.ts';
import { FIELD_RULES } from '../field/routes.ts';
import { AREA_RULES } from '../deployment/routes.ts';
import { OGC_RULES } from '../ogc/rules.ts';
import { PATROL_PLAN_RULES } from '../patrol-plans/routes.ts';
import { SEARCH_RULES } from '../search/routes.ts';
import type { RouteRule } from './route-rule.ts';
import { AUTH_RULES } from './routes.ts';

/** Every API route's access rule, one list per capability module. `tests/api/authorization.test.ts` checks it covers every route. */
export const ROUTE_RULES: readonly RouteRule[] = [
  ...AUTH_RULES,
  ...OGC_RULES,
  ...SEARCH_RULES,
  ...ANALYSIS_RULES,
  ...PATROL_PLAN_RULES,
  ...AUDIT_RULES,
  ...EDITING_RULES,
  ...IMPORT_RULES,
  ...INCIDENT_RULES,
  ...ALARM_RULES,
  ...EVENT_RULES,
  ...HOTLINE_RULES,
  ...KEY_TARGET_RULES,
  ...BULLETIN_RULES,
  ...INSPECTION_RULES,
  ...AGENCY_INSPECTION_RULES,
  ...INSPECTION_PLAN_RULES,
  ...EXPORT_RULES,
  ...REPORT_RULES,
  ...REWARD_RULES,
  ...INVENTORY_RULES,
  ...CUT_IMPACT_RULES,
  ...PATROL_TRACK_RULES,
  ...TILE_RULES,
  ...REGISTER_RULES,
  ...FIELD_RULES,
  ...AREA_RULES,
];
