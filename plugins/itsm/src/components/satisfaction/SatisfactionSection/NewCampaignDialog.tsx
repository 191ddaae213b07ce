import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  DEFAULT_CAMPAIGN_TEMPLATE_ID,
  INCIDENT_SURVEY_TEMPLATE_ID,
  Survey,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a date `days` from now. */
const dateIn = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * "New campaign" on a service: title, template, closing date, anonymity and audience (the
 * SLA's customer groups, the owners of the service's consumers, further users or groups).
 * The campaign is made as a draft and, unless asked otherwise, opened at once, which invites
 * the audience. Needs `itsm.survey.manage` and ownership of the service; the server's refusal
 * is shown as it is.
 */
export function NewCampaignDialog(props: {
  open: boolean;
  entityRef: string;
  onClose: () => void;
  onCreated: (survey: Survey) => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_CAMPAIGN_TEMPLATE_ID);
  const [closes, setCloses] = useState(dateIn(14));
  const [anonymous, setAnonymous] = useState(false);
  const [slaCustomers, setSlaCustomers] = useState(true);
  const [consumerOwners, setConsumerOwners] = useState(true);
  const [extra, setExtra] = useState('');
  const [openNow, setOpenNow] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const templates = useAsync(
    async () => (props.open ? (await itsmApi.listSurveyTemplates()).items : []),
    [itsmApi, props.open],
  );

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const closesAt = new Date(`${closes}T23:59:59.000Z`).toISOString();
      let survey = await itsmApi.createSurvey({
        title: title.trim(),
        entityRef: props.entityRef,
        templateId,
        anonymous,
        closesAt,
        audience: {
          slaCustomers,
          consumerOwners,
          extra: extra
            .split(/[\s,]+/)
            .map(ref => ref.trim())
            .filter(Boolean),
        },
      });
      if (openNow) {
        survey = await itsmApi.transitionSurvey({
          id: survey.id,
          version: survey.version,
          transition: { to: 'open' },
        });
      }
      props.onCreated(survey);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="itsm-new-campaign-title"
    >
      <DialogTitle id="itsm-new-campaign-title">New campaign</DialogTitle>
      <DialogContent>
        {Boolean(error) && (
          <Box mb={2}>
            <WriteErrorAlert error={error} recordName="survey" />
          </Box>
        )}
        <TextField
          id="itsm-campaign-title"
          label="Title"
          required
          fullWidth
          margin="dense"
          value={title}
          onChange={e => setTitle(e.target.value)}
        />
        <TextField
          select
          id="itsm-campaign-template"
          label="Template"
          fullWidth
          margin="dense"
          value={templateId}
          onChange={e => setTemplateId(e.target.value)}
        >
          {(templates.value ?? [])
            .filter(t => t.id !== INCIDENT_SURVEY_TEMPLATE_ID)
            .map(t => (
              <MenuItem key={t.id} value={t.id}>
                {t.title}
              </MenuItem>
            ))}
          {!templates.value?.length && (
            <MenuItem value={DEFAULT_CAMPAIGN_TEMPLATE_ID}>
              Service satisfaction
            </MenuItem>
          )}
        </TextField>
        <TextField
          id="itsm-campaign-closes"
          label="Closes on"
          type="date"
          fullWidth
          margin="dense"
          value={closes}
          onChange={e => setCloses(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
        <Typography
          variant="subtitle2"
          component="h3"
          style={{ marginTop: 16 }}
        >
          Who is asked
        </Typography>
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={slaCustomers}
              onChange={e => setSlaCustomers(e.target.checked)}
            />
          }
          label="The customer groups of the service's SLA"
        />
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={consumerOwners}
              onChange={e => setConsumerOwners(e.target.checked)}
            />
          }
          label="The owners of the entities that depend on it or consume its APIs"
        />
        <TextField
          id="itsm-campaign-extra"
          label="Also ask (user or group refs)"
          placeholder="group:default/merchants, user:default/jane"
          fullWidth
          margin="dense"
          value={extra}
          onChange={e => setExtra(e.target.value)}
        />
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={anonymous}
              onChange={e => setAnonymous(e.target.checked)}
            />
          }
          label="Anonymous: store answers without names"
        />
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={openNow}
              onChange={e => setOpenNow(e.target.checked)}
            />
          }
          label="Open now and send the invitations"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving || !title.trim() || !closes}
          onClick={submit}
        >
          {openNow ? 'Create and open' : 'Create draft'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
