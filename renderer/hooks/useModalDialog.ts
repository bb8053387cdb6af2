import { useEffect, useRef } from 'react';

/** A <dialog> shown as a modal as soon as it is on screen (focus moves into it; Esc closes it). */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return { dialog, close: () => dialog.current?.close() };
}
