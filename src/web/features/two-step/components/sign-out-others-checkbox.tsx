// Offered with every change to the second factors: a device someone else holds should not
// keep its session once the account's protection changes. Checked by default.
import { Checkbox } from "../../../components/ui/checkbox";
import { useT } from "../../../lib/i18n";

export function SignOutOthersCheckbox({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const t = useT();
  return <Checkbox label={t("devices.signOutOthers.label")} checked={checked} onChange={(event) => onChange(event.target.checked)} />;
}
