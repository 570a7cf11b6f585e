import { useSyncExternalStore } from 'react';
import { type OfflineState, offlineState } from './sync.js';

/** The offline state (online?, the outbox, syncing, needs login) for a component; re-renders on change. */
export function useOffline(): OfflineState {
  return useSyncExternalStore(offlineState.subscribe, offlineState.get, offlineState.get);
}
