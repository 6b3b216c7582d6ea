// The activity page's state: the first page when it opens, then "Show more" appends the next
// one. A failed "Show more" keeps what is already shown and says why next to the button.
import { useCallback, useEffect, useState } from "react";
import { failureMessage, isSessionLost } from "../../../lib/api-client";
import { listActivity, type ActivityEvent } from "./list-activity";

export type ActivityState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; events: ActivityEvent[]; nextCursor: string | null; more: "idle" | "loading" | { failed: string } };

export function useActivity(): { state: ActivityState; reload(): void; showMore(): void } {
  const [state, setState] = useState<ActivityState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    listActivity().then(
      (page) => current && setState({ status: "ready", events: page.events, nextCursor: page.nextCursor, more: "idle" }),
      (error: unknown) => {
        // A lost session is already on its way to the sign-in page.
        if (current && !isSessionLost(error)) setState({ status: "failed", message: failureMessage(error, "Your account activity couldn't be loaded.") });
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  const showMore = useCallback(() => {
    if (state.status !== "ready" || !state.nextCursor || state.more === "loading") return;
    const shown = state;
    setState({ ...shown, more: "loading" });
    listActivity(shown.nextCursor).then(
      (page) => setState({ status: "ready", events: [...shown.events, ...page.events], nextCursor: page.nextCursor, more: "idle" }),
      (error: unknown) => {
        if (!isSessionLost(error)) setState({ ...shown, more: { failed: failureMessage(error, "More activity couldn't be loaded.") } });
      },
    );
  }, [state]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload, showMore };
}
