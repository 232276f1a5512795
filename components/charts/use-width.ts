"use client";
// The width of a chart's box, followed as it changes, so a chart can give its
// axis labels less room on a narrow screen (320 px) than on a wide one.
import { useEffect, useRef, useState } from "react";

export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number | null] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? null));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The label width asked for, but never more than 40% of the box. */
export function fitLabelWidth(wanted: number, width: number | null): number {
  return width === null ? wanted : Math.max(72, Math.min(wanted, Math.round(width * 0.4)));
}
