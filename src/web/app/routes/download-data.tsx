// Download your data (Security & Privacy): what the file holds, and a button that fetches a copy
// (after "Confirm it's you" when the last proof is old) and saves it as usher-data-YYYY-MM-DD.json.
import { useState } from "react";
import { Link } from "react-router";
import { Form } from "../../components/form/form";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { getAccountData } from "../../features/account/api/account-data";
import { dataFile } from "../../features/account/data-file";
import { Message, useT } from "../../lib/i18n";
import { saveFile } from "../../lib/save-file";

export default function DownloadDataPage() {
  const t = useT();
  const download = useSubmission({ fallback: t("account.downloadData.failed") });
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
        {t("account.downloadData.back")}
      </Link>
      <h1>{t("account.downloadData.download")}</h1>
      <p className="subpage__lead">{t("account.downloadData.lead")}</p>
      <div className="card">
        <h2>{t("account.downloadData.holdsTitle")}</h2>
        <ul>
          <li>{t("account.downloadData.holdsAccount")}</li>
          <li>{t("account.downloadData.holdsProfiles")}</li>
          <li>{t("account.downloadData.holdsDevices")}</li>
          <li>{t("account.downloadData.holdsSecurity")}</li>
          <li>{t("account.downloadData.holdsActivity")}</li>
          <li>{t("account.downloadData.holdsHistory")}</li>
          <li>{t("account.downloadData.holdsMessages")}</li>
        </ul>
        <p>{t("account.downloadData.never")}</p>
        <Form submission={download} onSubmit={() => void submit()}>
          {savedAs && (
            <Alert tone="success">
              <Message
                id="account.downloadData.saved"
                values={{ file: savedAs }}
                components={{ 0: <strong className="break-anywhere" /> }}
              />
            </Alert>
          )}
          <div className="form__actions">
            <button className="button button--primary" type="submit" disabled={download.pending}>
              {download.pending ? t("account.downloadData.preparing") : t("account.downloadData.download")}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
