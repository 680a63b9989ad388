import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * useMutation plus `run`, which ignores calls while one is still in flight. Disabling the button
 * on `isPending` alone lets a double click through: that state reaches React a tick after the
 * first click, and the second click lands before it, creating the thing twice.
 */
export function useSingleFlightMutation<TData, TError, TVariables, TOnMutateResult>(
  options: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>,
) {
  const inFlight = useRef(false);
  const mutation = useMutation({
    ...options,
    onSettled: (...args) => {
      inFlight.current = false;
      return options.onSettled?.(...args);
    },
  });

  function run(variables: TVariables) {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(variables);
  }

  return { ...mutation, run };
}
