import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  SurveyInvitation,
  SurveyResponseRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { SurveyForm } from '../SurveyForm';

function Notice(props: { title: string; children: React.ReactNode }) {
  return (
    <Box p={3} maxWidth={720}>
      <Typography variant="h4" component="h1" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * `/itsm/surveys/respond?survey=SUR-4` or `?incident=INC-7`: the page an invitation's
 * notification links to. It shows the caller's invitation (the campaign's questions, or the
 * rating of the incident's resolution) and sends the answers once; an answered, expired or
 * missing invitation says so.
 */
export function SurveyAnswerPage() {
  const itsmApi = useApi(itsmApiRef);
  const [params] = useSearchParams();
  const surveyId = params.get('survey') ?? undefined;
  const incidentId = params.get('incident') ?? undefined;
  const [submitting, setSubmitting] = useState(false);
  const [sendError, setSendError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const { value, loading, error } = useAsyncRetry(async () => {
    if (!surveyId && !incidentId) {
      return undefined;
    }
    const { items } = await itsmApi.listSurveyInvitations({
      surveyId,
      incidentId,
      state: 'all',
    });
    return items[0] as SurveyInvitation | undefined;
  }, [itsmApi, surveyId, incidentId]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the survey" />
    );
  }
  if (!surveyId && !incidentId) {
    return (
      <Notice title="Survey">
        <Typography>
          Open this page from the link in your survey invitation.
        </Typography>
      </Notice>
    );
  }
  const invitation = value;
  if (!invitation) {
    return (
      <Notice title="Survey">
        <Alert severity="info">
          You have no invitation to answer {surveyId ?? incidentId}.
        </Alert>
      </Notice>
    );
  }
  const about =
    invitation.source.type === 'incident'
      ? `How did we do on ${invitation.source.id}?`
      : invitation.title;
  if (sent || invitation.state === 'answered') {
    return (
      <Notice title={about}>
        <Alert severity="success">
          Thank you — your answers are recorded
          {invitation.anonymous ? ' anonymously' : ''}.
        </Alert>
      </Notice>
    );
  }
  if (invitation.state === 'expired') {
    return (
      <Notice title={about}>
        <Alert severity="info">
          This survey closed on {invitation.expiresAt.slice(0, 10)}; it takes no
          more answers.
        </Alert>
      </Notice>
    );
  }

  const submit = async (response: SurveyResponseRequest) => {
    setSubmitting(true);
    setSendError(undefined);
    try {
      await itsmApi.respondToSurvey({ source: invitation.source, response });
      setSent(true);
    } catch (e) {
      setSendError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Notice title={about}>
      <Typography color="textSecondary" paragraph>
        {invitation.source.type === 'incident'
          ? `${invitation.title} — on ${invitation.entityRef}`
          : `${invitation.description || invitation.entityRef}`}
        {` · open until ${invitation.expiresAt.slice(0, 10)}`}
      </Typography>
      <Paper variant="outlined">
        <Box p={3}>
          {Boolean(sendError) && (
            <Box mb={2}>
              <WriteErrorAlert error={sendError} recordName="survey" />
            </Box>
          )}
          <SurveyForm
            questions={invitation.questions}
            anonymous={invitation.anonymous}
            submitting={submitting}
            onSubmit={submit}
          />
        </Box>
      </Paper>
    </Notice>
  );
}
