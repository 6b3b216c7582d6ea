// Account: Membership & Billing (email, plan, password, phone), Profile & Parental Controls (each
// profile's way to its controls) and Security & Privacy (two-step verification, passkeys, sign out
// of all devices, manage access and devices), as the guides customers follow describe.
import { useState } from "react";
import { useLoaderData, useRevalidator } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { useAccountNotice } from "../../features/account/account-notice";
import { getAccount } from "../../features/account/api/get-account";
import { MembershipBilling } from "../../features/account/components/membership-billing";
import { SecurityPrivacy } from "../../features/account/components/security-privacy";
import { ProfileControlsList } from "../../features/parental-controls/components/profile-controls-list";
import { PhoneRow } from "../../features/phone/components/phone-row";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";
import { getSecurity } from "../../features/two-step/api/security";
import { TwoStepRows } from "../../features/two-step/components/two-step-rows";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

export const loader = async () => {
  const [account, security] = await Promise.all([
    loaded(getAccount(), "account.page.detailsFailed"),
    loaded(getSecurity(), "account.page.securityFailed"),
  ]);
  return { account, security };
};

export default function AccountPage() {
  const t = useT();
  const { account, security } = useLoaderData<typeof loader>();
  const { profiles } = useSignedIn();
  const revalidator = useRevalidator();
  const [notice, setNotice] = useAccountNotice();
  const [signingOutAll, setSigningOutAll] = useState(false);

  return (
    <div className="account">
      <h1>{t("account.page.title")}</h1>
      {notice && <Alert tone="success">{notice}</Alert>}
      {account.ok ? (
        <>
          <MembershipBilling
            account={account.data}
            phoneRow={
              <PhoneRow
                phone={account.data.phone}
                onRemoved={() => {
                  setNotice(t("account.page.phoneRemoved"));
                  return revalidator.revalidate();
                }}
              />
            }
          />
          <ProfileControlsList profiles={profiles} />
          <SecurityPrivacy factorRows={<TwoStepRows security={security} />} onSignOutOfAllDevices={() => setSigningOutAll(true)} />
        </>
      ) : (
        <LoadFailed className="account__failed" message={account.message} onRetry={() => void revalidator.revalidate()} />
      )}
      <SignOutDialog scope={signingOutAll ? "all-devices" : undefined} onClose={() => setSigningOutAll(false)} />
    </div>
  );
}
