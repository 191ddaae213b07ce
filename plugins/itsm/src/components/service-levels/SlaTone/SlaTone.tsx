import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { ReactNode } from 'react';
import type { SlaTone as Tone } from '../../shared/format';

/** SLA text with the status icon of its tone: ok, at risk (warning), breached (error). */
export function SlaTone(props: { tone: Tone; children: ReactNode }) {
  switch (props.tone) {
    case 'error':
      return <StatusError>{props.children}</StatusError>;
    case 'warning':
      return <StatusWarning>{props.children}</StatusWarning>;
    case 'ok':
      return <StatusOK>{props.children}</StatusOK>;
    default:
      return <>{props.children}</>;
  }
}
