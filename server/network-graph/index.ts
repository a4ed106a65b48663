/**
 * The carriers' networks as a graph (`build.ts`) and what a cut takes down (`cut.ts`); the graph per carrier is
 * cached by `cache.ts`, the HTTP route is `routes.ts`.
 */
export type * from './types.ts';
export { buildNetwork } from './build.ts';
export { cutImpact, reachableNodes } from './cut.ts';
