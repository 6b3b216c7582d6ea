// Where the viewer is in the title: seconds that move on while the picture plays, and stand
// still while it is paused or stopped. Each stream (each mount of the player) starts from the beginning.
import { useEffect, useState } from "react";

export function usePlaybackPosition(running: boolean, runtime: number): number {
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    if (!running) return;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      const step = (now - last) / 1000;
      last = now;
      setSeconds((before) => Math.min(runtime, before + step));
    }, 1000);
    return () => clearInterval(timer);
  }, [running, runtime]);

  return seconds;
}
