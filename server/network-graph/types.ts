import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';

export type NetworkInput = {
  /** Cable routes; only active ones (status absent or 'active') carry traffic. */
  cables: Feature<LineString | MultiLineString, { owner: string; status?: string | null }>[];
  /**
   * Sites and facilities; active facilities of kind exchange or data_centre are the roots of their owner's network. A
   * site with `backhaul: 'microwave'` hangs on the site named by its `backhaul_site_code` over a radio link.
   */
  nodes: Feature<Point, { owner: string; kind?: string | null; status?: string | null; site_code?: string | null; backhaul?: string | null; backhaul_site_code?: string | null }>[];
};
export type NetworkOptions = { snapMeters?: number; attachMeters?: number };
/**
 * A cut: a whole route, or one segment of it (the piece between two vertices that the cut point lies on); with `at`,
 * only the piece of that segment under the point when joints split it (a drop leaving mid-span keeps its other side).
 */
export type Cut = { routeId: number | string; segment?: { part: number; index: number; at?: Position } };
export type AssetRef = { id: number | string; owner: string; kind: string | null };

/** A cable span (route, part, segment index), a site or facility hanging on a cable vertex, or a radio link. */
export type Edge = { a: number; b: number; kind: 'cable' | 'attach' | 'radio'; route: number | string | null; part: number; index: number; owner: string };
export type Network = {
  vertices: Position[];
  edges: Edge[];
  /** The vertex of each node (input order); a node is up when its vertex reaches a root's. */
  nodeVertex: number[];
  assets: AssetRef[];
  /** Indices of the nodes that are roots (active exchanges and data centres). */
  roots: number[];
  /** Indices of the nodes that can go down: active sites and facilities. */
  active: number[];
  owners: Map<number | string, string>;
};
