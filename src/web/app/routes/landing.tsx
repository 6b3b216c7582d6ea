// The landing page: what Usher is, with Sign In and Sign Up at the top right, beside a few
// posters from the catalogue the API serves. A browser that is signed in goes on to its profiles
// (signed-out-pages.ts).
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { SiteFooter } from "../../components/ui/site-footer";
import { PublicHeader } from "../../features/auth/components/public-header";
import { listTitles, type Title } from "../../features/catalogue/api/list-titles";
import { Poster } from "../../features/catalogue/components/poster";
import { type MessageId, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ titles: await loaded(listTitles(), "auth.landing.catalogueFailed") });

/** Six posters from across the catalogue, not six of one genre. */
const showcase = (titles: readonly Title[]) => titles.filter((_, index) => index % 4 === 0).slice(0, 6);

const features: { heading: MessageId; text: MessageId }[] = [
  { heading: "auth.landing.profiles.heading", text: "auth.landing.profiles.text" },
  { heading: "auth.landing.devices.heading", text: "auth.landing.devices.text" },
  { heading: "auth.landing.signOut.heading", text: "auth.landing.signOut.text" },
  { heading: "auth.landing.access.heading", text: "auth.landing.access.text" },
  { heading: "auth.landing.password.heading", text: "auth.landing.password.text" },
  { heading: "auth.landing.twoStep.heading", text: "auth.landing.twoStep.text" },
];

export default function LandingPage() {
  const t = useT();
  const { titles } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <>
      <PublicHeader />
      <main id="main" className="landing">
        <section className="landing__hero" aria-labelledby="landing-title">
          <div className="landing__pitch">
            <p className="landing__eyebrow">{t("auth.landing.eyebrow")}</p>
            <h1 id="landing-title">{t("auth.landing.title")}</h1>
            <p className="landing__lead">{t("auth.landing.lead")}</p>
            <div className="landing__cta">
              <Link className="button button--primary button--large" to="/sign-up">
                {t("auth.landing.getStarted")}
              </Link>
              <Link className="button button--secondary button--large" to="/sign-in">
                {t("auth.landing.haveAccount")}
              </Link>
            </div>
          </div>
          {titles.ok ? (
            <ul className="landing__posters" aria-hidden="true">
              {showcase(titles.data).map((title) => (
                <li key={title.id}>
                  <Poster title={title} decorative />
                </li>
              ))}
            </ul>
          ) : (
            <LoadFailed className="landing__failed" message={titles.message} onRetry={() => void revalidator.revalidate()} />
          )}
        </section>

        <section className="landing__features" aria-labelledby="features-title">
          <h2 id="features-title">{t("auth.landing.featuresTitle")}</h2>
          <ul className="landing__grid">
            {features.map((feature) => (
              <li key={feature.heading} className="landing__feature">
                <h3>{t(feature.heading)}</h3>
                <p>{t(feature.text)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
