// Offered with every change to the second factors: a device someone else holds should not
// keep its session once the account's protection changes. Checked by default.
import { Checkbox } from "../../../components/ui/checkbox";

export function SignOutOthersCheckbox({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  return <Checkbox label="Sign out of all other devices" checked={checked} onChange={(event) => onChange(event.target.checked)} />;
}
