import type { RefObject } from 'react';

interface HiddenFileInputProps {
  /** The input, for the button that opens it (`inputRef.current?.click()`). */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Its accessible name: tests and assistive technology find the input by it. */
  readonly label: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
}

/**
 * A real file input kept out of sight (not out of the accessibility tree) and opened by a button
 * beside it, since a native input's look cannot be styled or translated.
 */
export function HiddenFileInput({ inputRef, label, accept, multiple = false, disabled = false, onFiles }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple={multiple}
      accept={accept}
      aria-label={label}
      className="visually-hidden"
      tabIndex={-1}
      disabled={disabled}
      onChange={(event) => {
        const files = [...(event.currentTarget.files ?? [])];
        // Cleared so choosing the same file again (after leaving it out) still fires a change.
        event.currentTarget.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
