// A thin bar across the top of the window while the next page loads (its code, its data): on a
// slow connection a click must show that it was heard, even while the old page stays up.
import { useNavigation } from "react-router";

export function NavigationProgress() {
  const loading = useNavigation().state !== "idle";
  return loading ? <div className="navigation-progress" role="progressbar" aria-label="Loading the page" /> : null;
}
