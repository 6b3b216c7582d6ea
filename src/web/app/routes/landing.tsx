// The landing page: what Usher is, with Sign In and Sign Up at the top right, beside a few
// posters from the catalogue the API serves. A browser that is signed in goes on to its profiles
// (signed-out-pages.ts).
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { SiteFooter } from "../../components/ui/site-footer";
import { PublicHeader } from "../../features/auth/components/public-header";
import { listTitles, type Title } from "../../features/catalogue/api/list-titles";
import { Poster } from "../../features/catalogue/components/poster";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ titles: await loaded(listTitles(), "The catalogue couldn't be loaded.") });

/** Six posters from across the catalogue, not six of one genre. */
const showcase = (titles: readonly Title[]) => titles.filter((_, index) => index % 4 === 0).slice(0, 6);

const features = [
  {
    heading: "A profile for everyone",
    text: "Up to five profiles per household, each with its own name and avatar. Kids profiles only see titles made for children.",
  },
  {
    heading: "On every device",
    text: "Pick who's watching in the browser, on your phone or on the TV. Usher remembers the choice on each device.",
  },
  {
    heading: "Sign out of all devices",
    text: "Lent your password, or lost a phone? One button signs out every device, and it takes effect at their very next step.",
  },
  {
    heading: "Manage access and devices",
    text: "See every browser, phone and TV signed in to your account, and when each was last used.",
  },
  {
    heading: "Your password, your phone",
    text: "Change your password and make every device sign in again, and add a phone number to get back in if you forget it.",
  },
  {
    heading: "Two-step verification and passkeys",
    text: "Ask for a code from an authenticator app after your password, so a stolen password alone gets nobody in. Or sign in with a passkey: your fingerprint, face or screen lock, nothing to type.",
  },
];

export default function LandingPage() {
  const { titles } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <>
      <PublicHeader />
      <main id="main" className="landing">
        <section className="landing__hero" aria-labelledby="landing-title">
          <div className="landing__pitch">
            <p className="landing__eyebrow">Your household's streaming account</p>
            <h1 id="landing-title">Everyone in, nobody left signed in.</h1>
            <p className="landing__lead">
              Usher keeps your streaming account in order: a profile for each person on every screen, a clear list of the devices that are
              signed in, and one button to sign them all out.
            </p>
            <div className="landing__cta">
              <Link className="button button--primary button--large" to="/sign-up">
                Get started
              </Link>
              <Link className="button button--secondary button--large" to="/sign-in">
                I have an account
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
          <h2 id="features-title">What Usher looks after</h2>
          <ul className="landing__grid">
            {features.map((feature) => (
              <li key={feature.heading} className="landing__feature">
                <h3>{feature.heading}</h3>
                <p>{feature.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
