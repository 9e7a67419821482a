import { useState } from 'react';

/**
 * `fade-in` once `key` has changed since the first render, '' before: a block fades in when its
 * content changes, not when its layer is built (the program bus shows a layer complete, with its
 * own cut or fade).
 */
export function useChangeFade(key: string): string {
  const [state, setState] = useState({ first: key, changed: false });
  if (!state.changed && key !== state.first) setState({ ...state, changed: true });
  return state.changed || key !== state.first ? 'fade-in' : '';
}
