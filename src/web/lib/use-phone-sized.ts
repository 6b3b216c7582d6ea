// Whether the screen is phone-sized: the width at which the bottom tab bar replaces the header
// (app.css, max-width: 480px). For the few pages whose steps differ on the phone itself.
import { useSyncExternalStore } from "react";

const PHONE_SIZED = "(max-width: 480px)";

function subscribe(changed: () => void): () => void {
  const query = window.matchMedia(PHONE_SIZED);
  query.addEventListener("change", changed);
  return () => query.removeEventListener("change", changed);
}

export const usePhoneSized = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_SIZED).matches);
