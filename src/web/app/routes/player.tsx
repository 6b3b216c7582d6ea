// Watching a title (/watch/:titleId): the player holds one of the plan's screens while it is
// open, or, when every screen is taken, says where the account is watching. A Kids profile may
// watch the titles its catalogue shows; any other title is not available to it.
import "../../styles/player.css";
import { useCallback, useState } from "react";
import { Link, Navigate, useLoaderData, useParams, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { listTitles } from "../../features/catalogue/api/list-titles";
import { PlayerScreen, type PlayerTitle } from "../../features/player/components/player-screen";
import { TooManyStreams } from "../../features/player/components/too-many-streams";
import { type LiveEvents, useStreamLease } from "../../features/player/hooks/use-stream-lease";
import { onSignedOut, onStreamEnded } from "../../features/session/api/session-events";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

export const loader = async () => ({ titles: await loaded(listTitles(), "This title couldn't be loaded.") });

/** The page's one event stream (opened by the signed-in layout), as the player hears it. */
const liveEvents: LiveEvents = { onStreamEnded, onSignedOut };

export default function PlayerPage() {
  const { me } = useSignedIn();
  const { titleId } = useParams();
  const { titles } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  if (!me.profile) return <Navigate to="/profiles" replace />;

  if (!titles.ok) {
    return (
      <div className="subpage">
        <Link className="back-link" to="/browse">
          Back to browsing
        </Link>
        <h1>Watch</h1>
        <LoadFailed message={titles.message} onRetry={() => void revalidator.revalidate()} />
      </div>
    );
  }
  const title = titles.data.find((candidate) => candidate.id === titleId);
  if (!title) {
    return (
      <div className="subpage">
        <Link className="back-link" to="/browse">
          Back to browsing
        </Link>
        <h1>This title isn't available</h1>
        <p className="subpage__lead">It isn't in the catalogue for {me.profile.name}. Choose another one from Home.</p>
      </div>
    );
  }
  return <Watch key={title.id} title={title} kidsProfile={me.profile.isKids} />;
}

function Watch({ title, kidsProfile }: { title: PlayerTitle; kidsProfile: boolean }) {
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((before) => before + 1), []);
  const state = useStreamLease(title.id, attempt, again, liveEvents);
  if (state.status === "too-many") {
    return <TooManyStreams titleName={title.name} watching={state.watching} kidsProfile={kidsProfile} onTryAgain={again} />;
  }
  return <PlayerScreen key={attempt} title={title} state={state} onPlayAgain={again} />;
}
