// Add phone number (or Change phone number when one is there): the number, then the code.
import { Link, useLoaderData, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { backToAccount } from "../../features/account/account-notice";
import { getAccount } from "../../features/account/api/get-account";
import { PhoneFlow } from "../../features/phone/components/phone-flow";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({
  phone: await loaded(
    getAccount().then((account) => account.phone),
    "account.addPhone.loadFailed",
  ),
});

export default function AddPhonePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const loadedPhone = useLoaderData<typeof loader>().phone;
  const phone = loadedPhone.ok ? loadedPhone.data : null;
  // "?step=code" comes from the account page's Verify phone number, for a number not verified yet.
  const verifying = params.get("step") === "code" && phone !== null && !phone.verified;
  const title = t(verifying ? "account.addPhone.verifyTitle" : phone ? "account.addPhone.changeTitle" : "account.addPhone.addTitle");

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.addPhone.back")}
      </Link>
      <h1>{loadedPhone.ok ? title : t("account.addPhone.title")}</h1>
      {loadedPhone.ok ? (
        <>
          <p className="subpage__lead">
            {phone
              ? t(phone.verified ? "account.addPhone.current" : "account.addPhone.currentNotVerified", { phone: phone.masked })
              : t("account.addPhone.none")}
          </p>
          <div className="card">
            <PhoneFlow
              key={verifying ? "verify" : "number"}
              phone={phone}
              verifyExisting={verifying}
              onDone={(notice) => backToAccount(navigate, notice)}
              onLeaveVerify={() => setParams({}, { replace: true })}
            />
          </div>
        </>
      ) : (
        <Alert tone="error">{loadedPhone.message}</Alert>
      )}
    </div>
  );
}
