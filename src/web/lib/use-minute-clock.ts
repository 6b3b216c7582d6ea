// The time now, updated every minute: "Started 5 minutes ago" stays true while a page is open.
import { useEffect, useState } from "react";

export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
