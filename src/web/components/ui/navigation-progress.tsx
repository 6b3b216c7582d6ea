// A thin bar across the top of the window while the next page loads (its code, its data): on a
// slow connection a click must show that it was heard, even while the old page stays up.
import { useNavigation } from "react-router";
import { useT } from "../../lib/i18n";

export function NavigationProgress() {
  const t = useT();
  const loading = useNavigation().state !== "idle";
  return loading ? <div className="navigation-progress" role="progressbar" aria-label={t("common.navigationProgress.label")} /> : null;
}
