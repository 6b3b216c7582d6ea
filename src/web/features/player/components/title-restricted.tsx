// "This title isn't available on this profile": the API answered TITLE_RESTRICTED when the page
// asked for the title or started it, as the profile's maturity rating or parental controls keep
// it out. Nothing plays; the way on is another title from browse. Asking again
// would be refused the same, so there is no Try again.
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";

export function TitleRestricted() {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The page changed under the viewer's focus (Play): say where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="subpage title-restricted">
      <Link className="back-link" to="/browse">
        {t("watching.player.backToBrowsing")}
      </Link>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("watching.titleRestricted.heading")}
      </h1>
      <p className="subpage__lead">{t("watching.titleRestricted.lead")}</p>
      <Link className="button button--primary" to="/browse">
        {t("watching.titleRestricted.chooseSomethingElse")}
      </Link>
    </div>
  );
}
