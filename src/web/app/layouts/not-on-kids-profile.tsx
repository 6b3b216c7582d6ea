// What a Kids profile sees instead of a page it may not open (the account, devices, security,
// profile settings, TV approval), reached by a bookmark or a typed address: a plain word and
// the way to a grown-up's profile (Exit Kids, to Who's watching?), rather than an error the API
// would give.
import { Link } from "react-router";

export function NotOnKidsProfile() {
  return (
    <div className="card kids-closed">
      <h1>This page isn't available on a Kids profile</h1>
      <p>Account settings, devices, security and profiles are looked after from a grown-up's profile.</p>
      <div className="kids-closed__actions">
        <Link className="button button--primary" to="/profiles">
          Exit Kids
        </Link>
        <Link className="button button--secondary" to="/browse">
          Back to Home
        </Link>
      </div>
    </div>
  );
}
