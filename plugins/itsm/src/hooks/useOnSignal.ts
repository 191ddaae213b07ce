import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

/**
 * Calls `onMessage` for every message on a signal channel. Does nothing when the app has
 * no signals plugin: the data then refreshes on reload only.
 */
export function useOnSignal<TMessage extends { [key: string]: any }>(
  channel: string,
  onMessage: (message: TMessage) => void,
) {
  const { lastSignal } = useSignal<TMessage>(channel);
  const callback = useRef(onMessage);
  callback.current = onMessage;
  useEffect(() => {
    if (lastSignal) {
      callback.current(lastSignal);
    }
  }, [lastSignal]);
}
