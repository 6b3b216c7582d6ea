// Security & Privacy: two-step verification and passkeys (rows the page hands in), sign out
// of all devices, the list of devices signed in, account activity, and the account's data:
// download a copy, or delete the account.
import type { ReactNode } from "react";
import { Link } from "react-router";

export function SecurityPrivacy({ factorRows, onSignOutOfAllDevices }: { factorRows?: ReactNode; onSignOutOfAllDevices(): void }) {
  return (
    <section className="section" aria-labelledby="security-privacy">
      <h2 id="security-privacy">Security &amp; Privacy</h2>
      {factorRows}
      <div className="row">
        <div className="row__value">
          <span className="row__title">Access and devices</span>
          <span className="row__hint">See the browsers, phones and TVs signed in to your account.</span>
        </div>
        <div className="row__actions">
          <Link to="/account/devices">Manage access and devices</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Account activity</span>
          <span className="row__hint">Sign-ins, failed attempts and security changes, newest first.</span>
        </div>
        <div className="row__actions">
          <Link to="/account/activity">Account activity</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Signed-in devices</span>
          <span className="row__hint">Every device, this one included, will need your password to watch again.</span>
        </div>
        <div className="row__actions">
          <button type="button" className="button button--secondary" onClick={onSignOutOfAllDevices}>
            Sign out of all devices
          </button>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Your data</span>
          <span className="row__hint">A copy of your account's details, profiles, devices, activity and viewing history.</span>
        </div>
        <div className="row__actions">
          <Link to="/account/data">Download your data</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Delete account</span>
          <span className="row__hint">Erase your account, its profiles and their viewing history for good. This can't be undone.</span>
        </div>
        <div className="row__actions">
          <Link to="/account/delete">Delete account</Link>
        </div>
      </div>
    </section>
  );
}
