// A labelled checkbox.
import { type InputHTMLAttributes, useId } from "react";

export function Checkbox({ label, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { label: string }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
