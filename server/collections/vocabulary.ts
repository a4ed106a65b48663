/** Controlled vocabularies shared by the store, the generator and the map. Codes are stable English ids; labels live in the UI. */
export const CARRIERS = ['viettel', 'vnpt', 'mobifone', 'fpt'] as const;
export const OWNERS = [...CARRIERS, 'vnpost'] as const;
export type Owner = (typeof OWNERS)[number];

export const ASSET_STATUSES = ['planned', 'active', 'retired'] as const;
export const CABLE_MEDIA = ['fibre', 'copper'] as const;
export const CABLE_LAYINGS = ['aerial', 'underground', 'duct'] as const;
export const CABLE_TIERS = ['backbone', 'trunk', 'access'] as const;

export const BTS_TECHNOLOGIES = ['2G', '3G', '4G', '5G'] as const;
export const TOWER_TYPES = ['lattice', 'monopole', 'guyed', 'rooftop', 'camouflaged'] as const;
export const BACKUP_POWER = ['none', 'battery', 'generator', 'battery_generator'] as const;
/** How a site reaches its carrier's network: a fibre drop cable, or a microwave link from another site. */
export const BACKHAUL = ['fibre', 'microwave'] as const;

export const FACILITY_KINDS = ['exchange', 'data_centre', 'post_office', 'postal_agent', 'radio_station'] as const;

/** `returned`: sent back to the police for changes; `approved`: approved with an effective date still to come. */
export const KEY_TARGET_STATUSES = ['proposed', 'returned', 'approved', 'designated', 'rejected', 'revoked'] as const;
export const KEY_TARGET_CATEGORIES = ['exchange', 'data_centre', 'transmission_hub', 'post_office', 'radio_station', 'cable_corridor'] as const;

export const INCIDENT_TYPES = [
  'cable_theft',
  'cable_cut',
  'equipment_theft',
  'vandalism',
  'fire_explosion',
  'intrusion_alarm',
  'postal_contraband',
  // Trộm cước viễn thông quốc tế: international calls bypassed through a SIM box onto local SIMs (directive 3d).
  'sim_box',
  'other',
] as const;
/** What a patrol officer may record in the field app; the first is damage to the network, always filed as an incident. */
export const FINDING_KINDS = ['cable_damaged', 'suspicious_person', 'suspicious_vehicle', 'scrap_dealer_activity', 'nothing_found'] as const;
export const INCIDENT_SOURCES = ['carrier_alarm', 'hotline', 'patrol', 'police'] as const;
export const INCIDENT_STATUSES = ['reported', 'verified', 'investigating', 'resolved', 'false_alarm', 'duplicate'] as const;
export const ASSET_COLLECTIONS = ['cable_routes', 'bts_sites', 'facilities'] as const;

export const INSPECTION_RESULTS = ['not_inspected', 'compliant', 'warning', 'violation'] as const;

/**
 * Agencies that inspect and handle violations (directive 4a: the department coordinates the police, customs, market
 * management, the radio frequency department and local authorities), each recording its own inspections (issue 18).
 */
export const AGENCIES = ['police', 'dic', 'customs', 'market_management', 'frequency_department', 'commune'] as const;
export type Agency = (typeof AGENCIES)[number];
/** What an inspection can find: at agents (SIMs, subscriber data, licences), at dealers (cable of unknown origin), at sites and in areas. */
export const INSPECTION_FINDING_KINDS = [
  'pre_activated_sims', 'subscriber_data_unverified', 'no_agency_contract', 'no_business_licence', 'expired_licence',
  'cable_of_unknown_origin', 'no_purchase_register', 'unlicensed_radio_equipment', 'unsafe_installation', 'other',
] as const;
export const FINDING_SEVERITIES = ['minor', 'major', 'serious'] as const;
/** What the inspecting agency decided (a fine names its amount and its legal basis). */
export const INSPECTION_DECISIONS = ['none', 'warning', 'fine', 'licence_suspension', 'referral_to_police'] as const;
export type InspectionDecisionKind = (typeof INSPECTION_DECISIONS)[number];
/** What can be inspected; a site is a BTS site or a facility. */
export const INSPECTION_TARGET_KINDS = ['service_agent', 'scrap_dealer', 'site', 'area'] as const;

/**
 * Service agents of directive item 2b: postal agents (đại lý bưu chính), telecom and SIM agents (đại lý viễn thông,
 * điểm bán SIM) and internet or game shops (điểm truy nhập Internet công cộng, trò chơi điện tử công cộng).
 */
export const SERVICE_AGENT_KINDS = ['postal_agent', 'telecom_agent', 'internet_shop'] as const;
/** An agent works for one carrier (its agency contract) or for itself. */
export const AGENT_OWNERS = [...OWNERS, 'independent'] as const;
export const AGENT_STATUSES = ['active', 'suspended', 'closed'] as const;

export const ADMIN_LEVELS = ['province', 'district', 'commune'] as const;
