// Download your data (Security & Privacy): what the file holds, and a button that fetches a copy
// (after "Confirm it's you" when the last proof is old) and saves it as usher-data-YYYY-MM-DD.json.
import { useState } from "react";
import { Link } from "react-router";
import { Form } from "../../components/form/form";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { getAccountData } from "../../features/account/api/account-data";
import { dataFile } from "../../features/account/data-file";
import { saveFile } from "../../lib/save-file";

export default function DownloadDataPage() {
  const download = useSubmission({ fallback: "Your data couldn't be downloaded. Please try again." });
  const [savedAs, setSavedAs] = useState<string>();

  async function submit() {
    setSavedAs(undefined);
    const saved = await download.run(async () => {
      const file = dataFile(await getAccountData());
      saveFile(file.name, file.contents, file.type);
      return file.name;
    });
    if (saved.ok) setSavedAs(saved.value);
  }

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Download your data</h1>
      <p className="subpage__lead">
        A copy of everything Usher keeps about your account, in one file (JSON) that you can keep or open in another app.
      </p>
      <div className="card">
        <h2>What the file holds</h2>
        <ul>
          <li>Your account details: email, phone number, plan and when you joined</li>
          <li>Your profiles</li>
          <li>Every device signed in to your account, and when it was used</li>
          <li>Your two-step verification settings and the names of your passkeys</li>
          <li>Your account activity: sign-ins and security changes</li>
          <li>Viewing history: what was watched, by which profile, on which device</li>
          <li>The emails and text messages Usher sent you</li>
        </ul>
        <p>It never holds your password, a code, or anything that would let someone sign in as you.</p>
        <Form submission={download} onSubmit={() => void submit()}>
          {savedAs && (
            <Alert tone="success">
              Done. Your data was saved as <strong className="break-anywhere">{savedAs}</strong>. Keep it somewhere safe: it holds your
              account's details.
            </Alert>
          )}
          <div className="form__actions">
            <button className="button button--primary" type="submit" disabled={download.pending}>
              {download.pending ? "Preparing your file…" : "Download your data"}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
