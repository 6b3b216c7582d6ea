// The foot of the landing page and of every signed-in page: the one place that says the
// catalogue is made up, so the pages themselves read like a streaming service's.
import { useT } from "../../lib/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("common.siteFooter.madeUp")}</p>
    </footer>
  );
}
