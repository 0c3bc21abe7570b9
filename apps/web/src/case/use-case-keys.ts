/** @module Case view shortcuts: r writes a reply (focuses the composer), i goes back to the inbox. */
import { useEffect } from "react";
import { navigate } from "../app/router.js";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function useCaseKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      if (event.key === "r") {
        const box = document.querySelector<HTMLTextAreaElement>("textarea.draft-input, textarea.note-input");
        if (!box) return;
        box.focus();
      } else if (event.key === "i") {
        navigate("/");
      } else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
