import { useApi } from '@backstage/core-plugin-api';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PrintOutlined from '@material-ui/icons/PrintOutlined';
import type { ReviewPackResponse } from '@backstage-itsm/plugin-itsm-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../../api';
import { formatInstant, formatPeriod } from './parts';
import { ReviewPackView } from './ReviewPackView';

/**
 * Paper rules for the whole document while this page is shown: the Backstage chrome (sidebar,
 * headers, app bars) is left out, the page takes the full width, black on white.
 */
export const REVIEW_PACK_PRINT_CSS = `
@media print {
  @page { margin: 15mm; }
  nav, header, [class*="BackstageSidebar"], [class*="MuiDrawer-root"],
  [class*="BackstageHeader"], [class*="MuiAppBar"], [class*="BackstageItemCard"],
  [data-review-pack-no-print] { display: none !important; }
  [class*="BackstageSidebarPage-root"], [class*="BackstageContent"], main {
    padding: 0 !important; margin: 0 !important;
  }
  html, body, #root, main, [class*="BackstagePage"], [class*="BackstageSidebarPage-root"] {
    background: #fff !important; color: #000 !important;
    height: auto !important; overflow: visible !important;
  }
  [data-review-pack] * { color: #000 !important; box-shadow: none !important; }
}
`;

const useStyles = makeStyles(theme => ({
  page: {
    maxWidth: 1000,
    margin: '0 auto',
    padding: theme.spacing(3),
    background: theme.palette.background.paper,
    '@media print': {
      maxWidth: 'none',
      padding: 0,
      color: '#000',
      background: '#fff',
    },
  },
  header: {
    marginBottom: theme.spacing(3),
    paddingBottom: theme.spacing(2),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '@media print': { borderBottomColor: '#000' },
  },
  hash: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
}));

/** Header of the printed pack: the service, the period, and what was frozen by which generator. */
function PackHeader(props: { response: ReviewPackResponse; reviewId: string }) {
  const classes = useStyles();
  const { frozen } = props.response;
  const pack = frozen?.pack ?? props.response.live!;
  const { header } = pack;
  return (
    <Box className={classes.header}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
      >
        <Box>
          <Typography variant="h4" component="h1">
            Service review pack
          </Typography>
          <Typography variant="h6" component="p">
            {header.serviceTitle}
          </Typography>
        </Box>
        <Button
          data-review-pack-no-print
          variant="contained"
          color="primary"
          startIcon={<PrintOutlined />}
          onClick={() => window.print()}
        >
          Print
        </Button>
      </Box>
      <Typography variant="body2">
        {header.entityRef} · {props.reviewId} · period{' '}
        {formatPeriod(header.period.from, header.period.to)}
        {header.sla
          ? ` · ${header.sla.id} revision ${header.sla.revision}`
          : ' · no SLA'}
      </Typography>
      {header.sla && header.sla.customerGroups.length > 0 && (
        <Typography variant="body2">
          Customers: {header.sla.customerGroups.join(', ')}
        </Typography>
      )}
      {frozen ? (
        <Typography variant="body2">
          Frozen {formatInstant(frozen.frozenAt)} by generator version{' '}
          {frozen.generatorVersion} · content hash (SHA-256){' '}
          <span className={classes.hash}>{frozen.hash}</span>
        </Typography>
      ) : (
        <Typography variant="body2">
          Draft: generated {formatInstant(header.generatedAt)} from live records
          by generator version {header.generatorVersion}; not frozen yet.
        </Typography>
      )}
    </Box>
  );
}

/**
 * The printable review pack of a review, `…/reviews/:id/pack` (or `reviewId`): the frozen pack
 * with its hash and generator version — or, before freezing, the pack generated now, marked as
 * a draft — on a plain page laid out for the browser's "Save as PDF". With `withDrift`, the
 * sections whose live data changed since freezing are marked.
 */
export function ReviewPackPrintPage(props: {
  reviewId?: string;
  withDrift?: boolean;
}) {
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const params = useParams();
  const reviewId = props.reviewId ?? params.id ?? '';
  const withDrift = props.withDrift ?? false;
  const { value, loading, error } = useAsync(async () => {
    if (!reviewId) return undefined;
    // The frozen pack alone is one stored read; the live one is generated only when needed.
    const stored = await itsmApi.getReviewPack({
      id: reviewId,
      live: withDrift,
    });
    return stored.frozen || stored.live
      ? stored
      : itsmApi.getReviewPack({ id: reviewId });
  }, [itsmApi, reviewId, withDrift]);

  if (!reviewId) {
    return (
      <WarningPanel title="Which review?">
        The page needs a review id in its address, like REV-4.
      </WarningPanel>
    );
  }
  const pack = value?.frozen?.pack ?? value?.live;
  return (
    <Box className={classes.page} data-review-pack>
      <style data-review-pack-print>{REVIEW_PACK_PRINT_CSS}</style>
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the pack" />
      )}
      {loading && <Progress />}
      {value && pack && (
        <>
          <PackHeader response={value} reviewId={reviewId} />
          <ReviewPackView
            pack={pack}
            drift={withDrift && value.frozen ? value.drift : undefined}
          />
        </>
      )}
    </Box>
  );
}
