import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';

/**
 * Calls `onMessage` for every message on a signal channel. Does nothing without a channel,
 * or when the app has no signals plugin: the data then refreshes on reload only.
 */
export function useOnSignal<TMessage extends { [key: string]: any }>(
  channel: string | undefined,
  onMessage: (message: TMessage) => void,
) {
  const signals = useApiHolder().get(signalApiRef);
  const callback = useRef(onMessage);
  callback.current = onMessage;
  useEffect(() => {
    if (!signals || !channel) {
      return undefined;
    }
    const { unsubscribe } = signals.subscribe(channel, message =>
      callback.current(message as TMessage),
    );
    return unsubscribe;
  }, [signals, channel]);
}
