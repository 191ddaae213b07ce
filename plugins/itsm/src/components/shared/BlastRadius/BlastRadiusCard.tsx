import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useImpact } from '../../../hooks/useImpact';
import { BlastRadiusList } from './BlastRadiusList';

/** Depth of the blast radius shown on entity pages. */
export const BLAST_RADIUS_DEPTH = 3;

/**
 * What depends on the current entity, up to three hops through the catalog graph:
 * the services an incident here would hit.
 */
export function BlastRadiusCard() {
  const { entity } = useEntity();
  const { value, error } = useImpact({
    entityRef: stringifyEntityRef(entity),
    direction: 'downstream',
    depth: BLAST_RADIUS_DEPTH,
  });
  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else {
    body = <BlastRadiusList items={value.items} />;
  }
  return (
    <InfoCard
      title="Blast radius"
      subheader={`What depends on this entity, up to ${BLAST_RADIUS_DEPTH} hops away`}
    >
      {body}
    </InfoCard>
  );
}
