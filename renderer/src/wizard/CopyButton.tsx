// Copies one value (the warranty statement, an AES field) to the clipboard and says so through
// the wizard's status region. If the clipboard is refused, it says how to copy by hand instead.
import { useState } from 'react';

type CopyButtonProps = {
  text: string;
  /** What is copied, for the button's accessible name: "Copy the licence number". */
  what: string;
  onCopied: (message: string) => void;
};

export function CopyButton({ text, what, onCopied }: CopyButtonProps) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone(true);
      onCopied(`Copied ${what}.`);
    } catch {
      onCopied(`KP Desk could not reach the clipboard. Select ${what} and press Ctrl+C.`);
    }
  };
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={`Copy ${what}`}
      onClick={() => {
        void copy();
      }}
    >
      {done ? 'Copied' : 'Copy'}
    </button>
  );
}
