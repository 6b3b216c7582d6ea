// Profile & Parental Controls → Profile lock: whether opening the profile needs its PIN. The
// PIN itself is set, changed or removed in Manage profiles → Profile lock, which asks for the
// account password there.
import { Link } from "react-router";

export function ProfileLockSummary({ profileName, locked }: { profileName: string; locked: boolean }) {
  return (
    <>
      <p className="parental__lead">
        {locked
          ? `Profile lock is on: ${profileName} asks for a 4-digit PIN.`
          : `Profile lock is off: anyone using this account can open ${profileName}.`}
      </p>
      <div className="form__actions">
        <Link className="button button--secondary" to="/profiles/manage">
          Change profile lock
        </Link>
      </div>
    </>
  );
}
