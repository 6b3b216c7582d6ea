// Profile home: the browse page of the chosen profile. A featured title, then rows of the
// catalogue by genre, as the API serves it: on a Kids profile, only titles made for children.
// Without a chosen profile on this device, "Who's watching?" comes first. A notice brought from
// the page before (a verified email) is said under the greeting.
import { useState } from "react";
import { Navigate, useLoaderData, useRevalidator } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { listTitles, type Title } from "../../features/catalogue/api/list-titles";
import { Poster } from "../../features/catalogue/components/poster";
import { TitleDetails } from "../../features/catalogue/components/title-details";
import { TitleShelf } from "../../features/catalogue/components/title-shelf";
import { rowsByGenre } from "../../features/catalogue/rows-by-genre";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { usePageNotice } from "../../lib/page-notice";
import { useSignedIn } from "../signed-in-data";

export const loader = async () => ({ titles: await loaded(listTitles(), "profiles.profileHome.loadFailed") });

export default function ProfileHomePage() {
  const t = useT();
  const { me } = useSignedIn();
  const { titles } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const [open, setOpen] = useState<Title>();
  const [notice] = usePageNotice();
  const profile = me.profile;
  if (!profile) return <Navigate to="/profiles" replace />;

  const visible = titles.ok ? titles.data : [];
  const featured = visible[profile.position % visible.length];
  const rows = rowsByGenre(visible);

  return (
    <div className="browse">
      <div className="browse__intro">
        <h1>{t("profiles.profileHome.greeting", { name: profile.name })}</h1>
        {profile.isKids && (
          <p>
            <span className="tag">{t("profiles.profileHome.kids")}</span> {t("profiles.profileHome.kidsLead")}
          </p>
        )}
      </div>
      {notice && <Alert tone="info">{notice}</Alert>}

      {featured && (
        <section className="feature" aria-labelledby="feature-title">
          <Poster title={featured} variant="wide" decorative className="feature__poster" />
          <div className="feature__text">
            <p className="feature__eyebrow">
              {t(featured.kind === "Film" ? "profiles.profileHome.featuredFilm" : "profiles.profileHome.featuredSeries")}
            </p>
            <h2 id="feature-title">{featured.name}</h2>
            <p dir="auto">{featured.blurb}</p>
            <button type="button" className="button button--primary" aria-haspopup="dialog" onClick={() => setOpen(featured)}>
              {t("profiles.profileHome.moreInfo")}
            </button>
          </div>
        </section>
      )}

      {!titles.ok ? (
        <LoadFailed className="browse__failed" message={titles.message} onRetry={() => void revalidator.revalidate()} />
      ) : rows.length === 0 ? (
        <p className="empty">{t("profiles.profileHome.empty")}</p>
      ) : (
        rows.map((row) => <TitleShelf key={row.genre} heading={row.genre} titles={row.titles} onOpen={setOpen} />)
      )}

      <TitleDetails title={open} onClose={() => setOpen(undefined)} />
    </div>
  );
}
