import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ImpactItem } from '../../../api';

/** Beyond the first hop, the entity it was reached through. */
function Via(props: { item: ImpactItem }) {
  const { item } = props;
  if (item.distance < 2 || !item.via) {
    return null;
  }
  return (
    <>
      via <EntityRefLink entityRef={item.via} hideIcon />
    </>
  );
}

/** Nearest and most critical first: by hops, then tier (1 first, untiered last). */
function byDistanceThenTier(a: ImpactItem, b: ImpactItem): number {
  return (
    a.distance - b.distance ||
    (a.tier ?? Number.MAX_SAFE_INTEGER) - (b.tier ?? Number.MAX_SAFE_INTEGER) ||
    a.entityRef.localeCompare(b.entityRef)
  );
}

/** Entities reached by an impact analysis, each linked, with its distance and tier. */
export function BlastRadiusList(props: {
  items: ImpactItem[];
  emptyText?: string;
}) {
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'Nothing in the catalog depends on this entity.'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Blast radius">
      {[...props.items].sort(byDistanceThenTier).map(item => (
        <ListItem key={item.entityRef} disableGutters divider>
          <ListItemText
            primary={
              <EntityRefLink entityRef={item.entityRef} hideIcon>
                {item.title}
              </EntityRefLink>
            }
            secondary={<Via item={item} />}
          />
          <Box display="flex" style={{ gap: 4 }} flexShrink={0}>
            <Chip
              size="small"
              variant="outlined"
              label={item.distance === 1 ? '1 hop' : `${item.distance} hops`}
              aria-label={`Distance ${item.distance}`}
            />
            {item.tier !== undefined && item.tier !== null && (
              <Chip
                size="small"
                color={item.tier === 1 ? 'secondary' : 'default'}
                label={`Tier ${item.tier}`}
              />
            )}
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
