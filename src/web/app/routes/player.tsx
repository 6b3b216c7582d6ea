// Watching a title (/watch/:titleId): the player holds one of the plan's screens while it is
// open, or, when every screen is taken, says where the account is watching. A profile may watch
// the titles its catalogue shows (its maturity rating and parental controls decide which); a
// title kept out, or blocked since the page was loaded, isn't available on it.
import "../../styles/player.css";
import { useCallback, useState } from "react";
import { Link, type LoaderFunctionArgs, Navigate, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { titleForProfile } from "../../features/catalogue/api/title-for-profile";
import { PlayerScreen, type PlayerTitle } from "../../features/player/components/player-screen";
import { TitleRestricted } from "../../features/player/components/title-restricted";
import { TooManyStreams } from "../../features/player/components/too-many-streams";
import { type LiveEvents, useStreamLease } from "../../features/player/hooks/use-stream-lease";
import { onSignedOut, onStreamEnded } from "../../features/session/api/session-events";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

export const loader = async ({ params }: LoaderFunctionArgs) => ({
  title: await loaded(titleForProfile(params.titleId ?? ""), "watching.player.loadFailed"),
});

/** The page's one event stream (opened by the signed-in layout), as the player hears it. */
const liveEvents: LiveEvents = { onStreamEnded, onSignedOut };

export default function PlayerPage() {
  const t = useT();
  const { me } = useSignedIn();
  const { title } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  if (!me.profile) return <Navigate to="/profiles" replace />;

  if (!title.ok) {
    return (
      <div className="subpage">
        <Link className="back-link" to="/browse">
          {t("watching.player.backToBrowsing")}
        </Link>
        <h1>{t("watching.player.watchHeading")}</h1>
        <LoadFailed message={title.message} onRetry={() => void revalidator.revalidate()} />
      </div>
    );
  }
  if (!title.data.found && title.data.why === "TITLE_RESTRICTED") return <TitleRestricted />;
  if (!title.data.found) {
    return (
      <div className="subpage">
        <Link className="back-link" to="/browse">
          {t("watching.player.backToBrowsing")}
        </Link>
        <h1>{t("watching.titleNotFound.heading")}</h1>
        <p className="subpage__lead">{t("watching.titleNotFound.lead")}</p>
      </div>
    );
  }
  return <Watch key={title.data.title.id} title={title.data.title} kidsProfile={me.profile.isKids} />;
}

function Watch({ title, kidsProfile }: { title: PlayerTitle; kidsProfile: boolean }) {
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((before) => before + 1), []);
  const state = useStreamLease(title.id, attempt, again, liveEvents);
  if (state.status === "too-many") {
    return <TooManyStreams titleName={title.name} watching={state.watching} kidsProfile={kidsProfile} onTryAgain={again} />;
  }
  if (state.status === "restricted") return <TitleRestricted />;
  return <PlayerScreen key={attempt} title={title} state={state} onPlayAgain={again} />;
}
