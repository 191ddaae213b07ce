import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  ServiceLevelAgreement,
  SupportingAgreement,
  SupportingAgreementKind,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { AgreementEditorDialog } from '../SlaEditor';
import { SlaTone } from '../SlaTone';

const KIND_LABELS: Record<SupportingAgreementKind, string> = {
  ola: 'OLA',
  uc: 'Underpinning contract',
};

function Party(props: { agreement: SupportingAgreement }) {
  const { agreement } = props;
  if (agreement.kind === 'ola' && agreement.internalGroup) {
    return (
      <>
        with{' '}
        <EntityRefLink
          entityRef={agreement.internalGroup}
          defaultKind="group"
        />
      </>
    );
  }
  return (
    <>
      with {agreement.supplier ?? 'an unnamed supplier'}
      {agreement.contractRef ? ` (contract ${agreement.contractRef})` : ''}
    </>
  );
}

/**
 * The OLAs and underpinning contracts behind the SLA, each with its alignment: every target
 * looser than the SLA target it underpins is listed; aligned ones are marked so. Owners can
 * add one.
 */
export function SupportingAgreementsSection(props: {
  sla: ServiceLevelAgreement;
}) {
  const { sla } = props;
  const itsmApi = useApi(itsmApiRef);
  const [adding, setAdding] = useState<SupportingAgreementKind>();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [agreements, alignment] = await Promise.all([
      itsmApi.listSupportingAgreements({ slaId: sla.id, limit: 200 }),
      itsmApi.getSlaAlignment({ id: sla.id }),
    ]);
    return { agreements: agreements.items, alignment };
  }, [itsmApi, sla.id, sla.version]);

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading && !value) {
    body = <Progress />;
  } else if (!value?.agreements.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No OLA or underpinning contract supports this SLA yet.
      </Typography>
    );
  } else {
    const { alignment } = value;
    body = (
      <List dense aria-label="Supporting agreements">
        {value.agreements.map(agreement => {
          const findings = alignment.findings.filter(
            f => f.agreementId === agreement.id,
          );
          const aligned =
            alignment.agreements.find(a => a.id === agreement.id)?.aligned ??
            findings.length === 0;
          return (
            <ListItem key={agreement.id} alignItems="flex-start" divider>
              <ListItemText
                primary={
                  <>
                    <strong>{agreement.id}</strong> {agreement.title} ·{' '}
                    {KIND_LABELS[agreement.kind]}{' '}
                    <Party agreement={agreement} />
                  </>
                }
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  aligned ? (
                    <SlaTone tone="ok">Aligned with {sla.id}</SlaTone>
                  ) : (
                    <Box component="div">
                      <SlaTone tone="warning">
                        {findings.length} target
                        {findings.length === 1 ? '' : 's'} looser than the SLA
                      </SlaTone>
                      <ul>
                        {findings.map(f => (
                          <li key={`${f.field}-${f.slaField}`}>{f.message}</li>
                        ))}
                      </ul>
                    </Box>
                  )
                }
              />
            </ListItem>
          );
        })}
      </List>
    );
  }
  return (
    <InfoCard
      title="Supporting agreements"
      subheader="OLAs with internal groups and underpinning contracts with suppliers"
    >
      {body}
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          size="small"
          onClick={() => setAdding('ola')}
        >
          Add OLA
        </Button>
        <Button variant="outlined" size="small" onClick={() => setAdding('uc')}>
          Add underpinning contract
        </Button>
      </Box>
      {adding && (
        <AgreementEditorDialog
          open
          kind={adding}
          entityRef={sla.entityRef}
          slaIds={[sla.id]}
          onClose={() => setAdding(undefined)}
          onSaved={() => {
            setAdding(undefined);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
