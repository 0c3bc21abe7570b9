/**
 * @module Keeps the reply draft per case in `localStorage` until it is sent. Saved once typing pauses, and at once
 * when the composer goes away or the page is hidden: a write per keystroke cost about as much as React's render.
 */
import { useEffect, useRef } from "react";

/** Typing pauses longer than this save the draft. */
export const SAVE_AFTER_MS = 400;

const draftKey = (caseId: string) => `keel:draft:${caseId}`;

export function readStoredDraft(caseId: string): string {
  try {
    return globalThis.localStorage?.getItem(draftKey(caseId)) ?? "";
  } catch {
    return "";
  }
}

function storeDraft(caseId: string, draft: string): void {
  try {
    if (draft) globalThis.localStorage?.setItem(draftKey(caseId), draft);
    else globalThis.localStorage?.removeItem(draftKey(caseId));
  } catch {
    // Private windows may refuse storage; the draft then lives only in this tab.
  }
}

export function useStoredDraft(caseId: string, draft: string): void {
  const latest = useRef({ caseId, draft, saved: true });
  useEffect(() => {
    latest.current = { caseId, draft, saved: false };
    const timer = setTimeout(() => {
      storeDraft(caseId, draft);
      latest.current.saved = true;
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [caseId, draft]);
  useEffect(() => {
    const flush = () => {
      const { caseId: id, draft: text, saved } = latest.current;
      if (saved) return;
      storeDraft(id, text);
      latest.current.saved = true;
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);
}
