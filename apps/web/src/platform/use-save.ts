/**
 * The one save flow of the web app: every write is a `useMutation`; on success the affected queries
 * are refreshed and a short Chinese confirmation shown; on failure the server's field problems land on
 * the form's fields and whatever matched no field is shown as one message (or returned as `problem`
 * for pages that show it in an Alert). Pages never write try/finally around a request.
 */
import { useCallback, useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { errorMessage } from './api.ts';
import { applyFieldIssues } from './form-errors.ts';

export interface SaveOptions<TVariables, TResult> {
  save: (variables: TVariables) => Promise<TResult>;
  /** The form whose fields receive the server's field problems. */
  form?: FormInstance;
  /** Queries that show what this write changes; refreshed before `onSaved` runs. */
  invalidates?: QueryKey[] | ((result: TResult, variables: TVariables) => QueryKey[]);
  /**
   * Queries refreshed in the background after `invalidates`: the save settles without waiting for
   * them (a goal's report moves every level above it; waiting for each level cost seconds).
   */
  refreshes?: QueryKey[];
  /** What to tell the person when it worked; nothing when left out. */
  success?: string | ((result: TResult, variables: TVariables) => string);
  /** `alert`: keep the failure as `problem` for an Alert in the page; `toast` (default): a message. */
  showError?: 'toast' | 'alert';
  onSaved?: (result: TResult, variables: TVariables) => void;
  /** After the failure is shown: for the rare page that also reads the error's details. */
  onFailed?: (error: unknown, variables: TVariables) => void;
}

export function useSave<TVariables = void, TResult = unknown>(options: SaveOptions<TVariables, TResult>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  // Stable, so a dialog may clear the last failure in an effect when it opens.
  const clearProblem = useCallback(() => {
    setProblem(null);
  }, []);
  const mutation = useMutation({
    mutationFn: options.save,
    onMutate: () => {
      setProblem(null);
    },
    onSuccess: async (result, variables) => {
      const { invalidates = [] } = options;
      const keys = typeof invalidates === 'function' ? invalidates(result, variables) : invalidates;
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      for (const queryKey of options.refreshes ?? []) void queryClient.invalidateQueries({ queryKey });
      const success = typeof options.success === 'function' ? options.success(result, variables) : options.success;
      if (success) void message.success(success);
      options.onSaved?.(result, variables);
    },
    onError: (error, variables) => {
      const unmatched = options.form ? applyFieldIssues(options.form, error) : [];
      const text = unmatched.length > 0 ? unmatched.map((i) => i.message).join('；') : errorMessage(error);
      if (options.showError === 'alert') setProblem(text);
      else void message.error(text);
      options.onFailed?.(error, variables);
    },
  });
  return {
    /** Start the write; failures are shown, never thrown into the page. */
    save: (variables: TVariables) => {
      mutation.mutate(variables);
    },
    /** For flows that must wait (a wizard step): resolves to the result, or `undefined` after a shown failure. */
    saveAsync: async (variables: TVariables): Promise<TResult | undefined> => {
      try {
        return await mutation.mutateAsync(variables);
      } catch {
        return undefined;
      }
    },
    saving: mutation.isPending,
    problem,
    /** The last failure itself, for pages that explain some errors in their own words. */
    error: mutation.error,
    clearProblem,
  };
}
