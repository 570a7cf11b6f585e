import { useCallback, useEffect, useRef, useState } from 'react';

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with a fresher copy (the answer of a save), without a request. */
  setData: (data: T) => void;
}

/**
 * Loads `fetcher()` whenever `key` changes (a string made of the query), ignoring answers that arrive after a
 * newer request was made.
 */
export function useRemote<T>(fetcher: () => Promise<T>, key: string): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation are the triggers by design
  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    fetcherRef
      .current()
      .then((result) => {
        if (ticket === latest.current) {
          setData(result);
          setError(null);
        }
      })
      .catch((cause: unknown) => {
        if (ticket === latest.current) {
          setError(cause);
        }
      })
      .finally(() => {
        if (ticket === latest.current) {
          setLoading(false);
        }
      });
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
