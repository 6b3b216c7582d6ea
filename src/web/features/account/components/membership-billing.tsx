// Membership & Billing: email, plan (with Change plan), password (with Change password) and the phone row,
// which the page hands in (it belongs to the phone feature).
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { AccountDetails } from "../api/get-account";
import { changedAgo, monthAndYear } from "../format-dates";

const planNames: Record<AccountDetails["plan"], string> = { basic: "Basic", standard: "Standard", premium: "Premium" };

export function MembershipBilling({ account, phoneRow }: { account: AccountDetails; phoneRow: ReactNode }) {
  return (
    <section className="section" aria-labelledby="membership-billing">
      <h2 id="membership-billing">Membership &amp; Billing</h2>
      <p className="section__meta">Member since {monthAndYear(account.memberSince)}</p>
      <div className="row">
        <div className="row__value">
          <span className="row__label">Email</span>
          <span className="account__email">{account.email}</span>
          {!account.emailVerified && <span className="row__hint">Not verified yet: open the link we emailed you.</span>}
        </div>
        <div className="row__actions">
          <Link to="/account/email">Change email</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__label">Plan</span>
          <span>
            {planNames[account.plan]} · {account.screens === 1 ? "1 screen" : `${account.screens} screens`} at a time
          </span>
        </div>
        <div className="row__actions">
          <Link to="/account/plan">Change plan</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__label">Password</span>
          <span>
            <span className="account__dots" aria-hidden="true">
              ••••••••
            </span>
            <span className="visually-hidden">Hidden</span>
          </span>
          <span className="row__hint">Last changed {changedAgo(account.passwordChangedAt)}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/password">Change password</Link>
        </div>
      </div>
      {phoneRow}
    </section>
  );
}
