// A remote's Back key, whatever the focus: Escape on a keyboard, BrowserBack or GoBack on a TV
// remote, Backspace unless a field is being typed in.
import { useEffect, useRef } from "react";

const backKeys: ReadonlySet<string> = new Set(["Escape", "BrowserBack", "GoBack", "Backspace"]);

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function useBackKey(onBack: () => void): void {
  const latest = useRef(onBack);
  useEffect(() => {
    latest.current = onBack;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!backKeys.has(event.key) || (event.key === "Backspace" && typingIn(event.target))) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
