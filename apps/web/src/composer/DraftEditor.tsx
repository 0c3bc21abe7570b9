/**
 * @module The reply box with the coach's flags underlined: a highlight layer behind a transparent-background
 * textarea, both wrapping the same text the same way, scrolled together.
 */
import { type KeyboardEvent, memo, type ReactNode, type Ref, useMemo, useRef } from "react";
import { rebaseSpans } from "./rebase-spans.js";

export interface Flag {
  start: number;
  end: number;
  label: string;
  title: string;
}

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Flags for `coachedText`; moved onto `value` when the coach trails the box by a keystroke. */
  flags: Flag[];
  coachedText: string;
  describedBy?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  placeholder?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

function highlighted(text: string, flags: Flag[]): ReactNode[] {
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const flag of sorted) {
    if (flag.start < at || flag.end <= flag.start) continue;
    if (flag.start > at) parts.push(text.slice(at, flag.start));
    parts.push(
      <mark key={`${flag.start}-${flag.label}`} className={`flag flag-${flag.label}`} data-label={flag.label}>
        {text.slice(flag.start, flag.end)}
      </mark>,
    );
    at = flag.end;
  }
  // A trailing newline needs a character after it, or the layer ends one line short of the textarea.
  parts.push(`${text.slice(at)}\u200b`);
  return parts;
}

/** Memoised: the composer re-renders for its buttons and notices too, and the highlight layer need not. */
export const DraftEditor = memo(function DraftEditor(props: Props) {
  const { id, value, onChange, flags, coachedText, describedBy, textareaRef, placeholder, onKeyDown } = props;
  const layer = useRef<HTMLDivElement>(null);
  const layerContent = useMemo(
    () => highlighted(value, rebaseSpans(flags, coachedText, value)),
    [flags, coachedText, value],
  );
  return (
    <div className="draft-editor">
      <div className="draft-layer" ref={layer} aria-hidden="true" data-testid="draft-highlights">
        {layerContent}
      </div>
      <textarea
        id={id}
        ref={textareaRef}
        className="draft-input"
        value={value}
        placeholder={placeholder}
        spellCheck
        rows={8}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (layer.current) layer.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
