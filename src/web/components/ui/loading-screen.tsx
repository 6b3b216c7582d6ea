// The screen a first visit shows until its page is ready: the same logo and bar as the static
// shell in index.html, so nothing flickers between the HTML's first paint and the page.
import { useT } from "../../lib/i18n";

export function LoadingScreen() {
  const t = useT();
  return (
    <div className="loading-screen" role="status">
      <svg className="loading-screen__logo" viewBox="0 0 32 32" width="64" height="64" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="logo__tile" />
        <path d="M9 8v10a7 7 0 0 0 14 0V8h-4v10a3 3 0 0 1-6 0V8z" className="logo__mark" />
      </svg>
      <span className="loading-screen__bar" aria-hidden="true" />
      <span className="visually-hidden">{t("common.loadingScreen.label")}</span>
    </div>
  );
}
