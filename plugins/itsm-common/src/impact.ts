/*
 * The response of the ITSM backend's `GET /impact` (impact analysis over the
 * catalog relation graph).
 */

import type { ServiceTier } from './annotations';

/**
 * Direction of an impact analysis: `downstream` is the blast radius (what
 * depends on the entity), `upstream` what the entity depends on.
 *
 * @public
 */
export type ImpactDirection = 'downstream' | 'upstream';

/**
 * One entity reached by an impact analysis.
 *
 * @public
 */
export interface ImpactItem {
  /** Lowercase canonical ref. */
  entityRef: string;
  kind: string;
  name: string;
  title?: string;
  /** The `itsm/tier` annotation, 1 (business critical) to 4. */
  tier?: ServiceTier;
  /** Number of relation hops from the analysed entity, from 1. */
  distance: number;
  /** The ref this entity was reached from (the analysed entity itself at distance 1). */
  via: string;
}

/**
 * What `GET /impact` answers.
 *
 * @public
 */
export interface ImpactAnalysis {
  /** Lowercase canonical ref of the analysed entity. */
  entityRef: string;
  direction: ImpactDirection;
  depth: number;
  /** Ordered by distance, then entity ref; the analysed entity is not among them. */
  items: ImpactItem[];
}
