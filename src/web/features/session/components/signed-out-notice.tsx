// The banner a signed-in page shows, for a moment before Sign In, when its session was ended
// from elsewhere.
import { useT } from "../../../lib/i18n";

export function SignedOutNotice() {
  const t = useT();
  return (
    <div className="signed-out-notice" role="alert">
      <strong>{t("auth.signedOutNotice.title")}</strong>
      <span>{t("auth.signedOutNotice.leaving")}</span>
    </div>
  );
}
