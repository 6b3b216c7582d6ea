// Add phone number (or Change phone number when one is there): the number, then the code.
import { Link, useLoaderData, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { backToAccount } from "../../features/account/account-notice";
import { getAccount } from "../../features/account/api/get-account";
import { PhoneFlow } from "../../features/phone/components/phone-flow";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({
  phone: await loaded(
    getAccount().then((account) => account.phone),
    "Your account details couldn't be loaded.",
  ),
});

export default function AddPhonePage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const loadedPhone = useLoaderData<typeof loader>().phone;
  const phone = loadedPhone.ok ? loadedPhone.data : null;
  // "?step=code" comes from the account page's Verify phone number, for a number not verified yet.
  const verifying = params.get("step") === "code" && phone !== null && !phone.verified;
  const title = verifying ? "Verify phone number" : phone ? "Change phone number" : "Add phone number";

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>{loadedPhone.ok ? title : "Phone number"}</h1>
      {loadedPhone.ok ? (
        <>
          <p className="subpage__lead">
            {phone
              ? `The number on your account is ${phone.masked}${phone.verified ? "" : ", not verified yet"}.`
              : "Add a mobile number to get account updates and recover your account if you lose your password."}
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
