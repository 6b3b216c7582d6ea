// Account: Membership & Billing (email, plan, password, phone) and Security & Privacy (two-step
// verification, passkeys, sign out of all devices, manage access and devices), as the guides
// customers follow describe.
import { useState } from "react";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { Loading } from "../../components/ui/loading";
import { useAccount } from "../../features/account/api/get-account";
import { useAccountNotice } from "../../features/account/account-notice";
import { MembershipBilling } from "../../features/account/components/membership-billing";
import { SecurityPrivacy } from "../../features/account/components/security-privacy";
import { PhoneRow } from "../../features/phone/components/phone-row";
import { useSecurity } from "../../features/two-step/api/security";
import { TwoStepRows } from "../../features/two-step/components/two-step-rows";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";

export default function AccountPage() {
  const account = useAccount();
  const security = useSecurity();
  const [notice, setNotice] = useAccountNotice();
  const [signingOutAll, setSigningOutAll] = useState(false);

  return (
    <div className="account">
      <h1>Account</h1>
      {notice && <Alert tone="success">{notice}</Alert>}
      {account.status === "loading" && <Loading label="Loading your account…" />}
      {account.status === "failed" && <LoadFailed className="account__failed" message={account.message} onRetry={account.reload} />}
      {account.status === "ready" && (
        <>
          <MembershipBilling
            account={account.account}
            phoneRow={
              <PhoneRow
                phone={account.account.phone}
                onRemoved={() => {
                  setNotice("Your phone number has been removed.");
                  account.reload();
                }}
              />
            }
          />
          <SecurityPrivacy factorRows={<TwoStepRows state={security} />} onSignOutOfAllDevices={() => setSigningOutAll(true)} />
        </>
      )}
      <SignOutDialog scope="all-devices" open={signingOutAll} onClose={() => setSigningOutAll(false)} />
    </div>
  );
}
