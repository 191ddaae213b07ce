import { useCallback, useState, type ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import {
  RECORD_LINK_RELATIONS,
  parseRecordId,
  type RecordLink,
  type RecordLinkRelation,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { usePagedList } from '../../hooks/usePagedList';
import { humanizeCode } from '../../components/shared/format';
import {
  WriteErrorAlert,
  statusCodeOf,
} from '../../components/shared/WriteErrorAlert';
import { LoadMoreButton } from '../RecordListPage';
import type { RecordKind } from '../RecordKind';

/** How a link reads on this record: `caused by CHG-3`, or `INC-7 caused by this`. */
export function describeLink(link: RecordLink): {
  other: string;
  text: string;
} {
  const relation = humanizeCode(link.relation).toLocaleLowerCase('en-US');
  return link.direction === 'outgoing'
    ? { other: link.to, text: relation }
    : { other: link.from, text: `${relation} this` };
}

/**
 * The links of one record to others (`INC-7 caused_by CHG-3`): the list, a form to add one
 * by id and relation, and removal. An API that has no links for this record (404) shows
 * nothing.
 */
export function RecordLinks(props: {
  kind: RecordKind<any, any, any>;
  id: string;
  /** Renders another record's id, e.g. as a link to its page; plain text by default. */
  renderId?: (id: string) => ReactNode;
}) {
  const { kind, id } = props;
  const { collection } = kind;
  const itsmApi = useApi(itsmApiRef);
  const renderId = props.renderId ?? ((other: string) => other);
  const fetchPage = useCallback(
    (cursor?: string) => itsmApi.listLinks({ collection, id, cursor }),
    [itsmApi, collection, id],
  );
  const list = usePagedList<RecordLink>(fetchPage);
  const [to, setTo] = useState('');
  const [relation, setRelation] = useState<RecordLinkRelation>('relates_to');
  const [toError, setToError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<unknown>();

  if (statusCodeOf(list.error) === 404) {
    return null;
  }

  const write = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setWriteError(undefined);
    try {
      await request();
      list.retry();
      return true;
    } catch (e) {
      setWriteError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const parsed = parseRecordId(to.trim());
    if (!parsed) {
      setToError('A record id like INC-7 or CHG-3');
      return;
    }
    setToError(undefined);
    const target = `${parsed.prefix}-${parsed.seq}`;
    if (
      await write(() =>
        itsmApi.addLink({ collection, id, link: { to: target, relation } }),
      )
    ) {
      setTo('');
    }
  };

  return (
    <InfoCard title="Linked records">
      {list.error ? (
        <WriteErrorAlert error={list.error} />
      ) : (
        <>
          {!list.loading && list.items.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No linked records.
            </Typography>
          )}
          {list.items.length > 0 && (
            <List dense aria-label={`Links of ${id}`}>
              {list.items.map(link => {
                const { other, text } = describeLink(link);
                return (
                  <ListItem key={link.id}>
                    <ListItemText
                      primary={
                        link.direction === 'outgoing' ? (
                          <>
                            {text} {renderId(other)}
                          </>
                        ) : (
                          <>
                            {renderId(other)} {text}
                          </>
                        )
                      }
                      secondary={new Date(link.createdAt).toLocaleString()}
                    />
                    <ListItemSecondaryAction>
                      <IconButton
                        edge="end"
                        size="small"
                        aria-label={`Remove link to ${other}`}
                        disabled={busy}
                        onClick={() =>
                          write(() =>
                            itsmApi.removeLink({
                              collection,
                              id,
                              linkId: link.id,
                            }),
                          )
                        }
                      >
                        <DeleteOutline fontSize="small" />
                      </IconButton>
                    </ListItemSecondaryAction>
                  </ListItem>
                );
              })}
            </List>
          )}
          <LoadMoreButton list={list} />
        </>
      )}
      <Box
        component="form"
        mt={1}
        display="flex"
        flexWrap="wrap"
        alignItems="flex-start"
        style={{ gap: 8 }}
        aria-label={`Link ${id} to another record`}
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          add();
        }}
      >
        <TextField
          id={`itsm-link-relation-${id}`}
          select
          label="Relation"
          value={relation}
          onChange={e => setRelation(e.target.value as RecordLinkRelation)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          disabled={busy}
        >
          {RECORD_LINK_RELATIONS.map(r => (
            <option key={r} value={r}>
              {humanizeCode(r)}
            </option>
          ))}
        </TextField>
        <TextField
          id={`itsm-link-to-${id}`}
          label="Record id"
          placeholder="CHG-3"
          value={to}
          onChange={e => setTo(e.target.value)}
          error={Boolean(toError)}
          helperText={toError}
          margin="dense"
          disabled={busy}
        />
        <Box mt={2}>
          <Button type="submit" variant="outlined" disabled={busy}>
            Add link
          </Button>
        </Box>
      </Box>
      <WriteErrorAlert error={writeError} recordName={kind.noun} />
    </InfoCard>
  );
}
