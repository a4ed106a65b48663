/** Properties the server computes from the feature itself: a cable's length comes from its geometry, never from the client. */
export const COMPUTED_PROPERTIES: Readonly<Record<string, readonly string[]>> = { cable_routes: ['length_m'], service_agents: ['last_inspection_date', 'last_inspection_result'] };

/**
 * Properties only inspections write (the police and the department record them), with the value a new feature starts
 * with: an edit keeps the stored values, whatever the carrier sends.
 */
export const RECORDED_PROPERTIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { service_agents: { last_inspection_date: null, last_inspection_result: 'not_inspected' } };

/** What a carrier's editor form shows but does not let them change, and what an import template leaves out. */
export const filledByServer = (collectionId: string): readonly string[] => COMPUTED_PROPERTIES[collectionId] ?? [];
