// A TV is driven by a remote: arrow keys move the focus between tiles laid out in rows, Enter
// presses the focused tile (a native button does that by itself). Tiles mark their place with
// data-row and data-col; the row above or below keeps the column where it can. Right to left
// (Arabic) a row starts at the right, so the left arrow moves on to the next column.
import { type KeyboardEvent, type RefObject, useCallback, useEffect } from "react";

const moves: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function tileAt(screen: HTMLElement, row: number, col: number): HTMLElement | null {
  const rowTiles = [...screen.querySelectorAll<HTMLElement>(`[data-row="${row}"]`)];
  if (rowTiles.length === 0) return null;
  return rowTiles.find((tile) => Number(tile.dataset.col) === col) ?? rowTiles[rowTiles.length - 1]!;
}

/** Focuses the first tile when the screen appears; returns the keydown handler each tile takes. */
export function useRemoteControl(screen: RefObject<HTMLElement | null>, focusKey: unknown) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey stands for what the screen shows; when that changes, the remote starts again on the first tile.
  useEffect(() => {
    if (screen.current) tileAt(screen.current, 0, 0)?.focus();
  }, [screen, focusKey]);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const move = moves[event.key];
      const current = event.currentTarget;
      if (!move || !screen.current || current.dataset.row === undefined) return;
      event.preventDefault();
      const along = document.documentElement.dir === "rtl" ? -move[1] : move[1];
      const row = Number(current.dataset.row) + move[0];
      const col = move[0] === 0 ? Number(current.dataset.col) + along : Number(current.dataset.col);
      const next =
        move[0] === 0
          ? screen.current.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)
          : tileAt(screen.current, row, col);
      if (next) {
        next.focus();
        next.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
    },
    [screen],
  );
}
