/** @module Keyboard movement through a list: j/↓ next, k/↑ previous, Enter or o opens, / jumps to search. */
import { useEffect, useRef, useState } from "react";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function useListKeys(count: number, onOpen: (index: number) => void, onSearch: () => void) {
  const [active, setActive] = useState(0);
  const rowRefs = useRef<Array<HTMLElement | null>>([]);
  const latest = useRef({ count, onOpen, onSearch, active });
  latest.current = { count, onOpen, onSearch, active };

  useEffect(() => {
    const move = (to: number) => {
      const { count: n } = latest.current;
      if (n === 0) return;
      const index = Math.max(0, Math.min(n - 1, to));
      setActive(index);
      const row = rowRefs.current[index];
      row?.focus();
      row?.scrollIntoView?.({ block: "nearest" });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      const { active: current, onOpen: open, onSearch: search } = latest.current;
      if (event.key === "j" || event.key === "ArrowDown") move(current + 1);
      else if (event.key === "k" || event.key === "ArrowUp") move(current - 1);
      else if (event.key === "Enter" || event.key === "o") open(current);
      else if (event.key === "/") search();
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  return { active, setActive, rowRefs };
}
