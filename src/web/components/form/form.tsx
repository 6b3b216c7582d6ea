// A form that sends through a Submission: Enter submits, the browser's own validation bubbles
// stay away (the page says what is wrong, in words), and a refusal that isn't about one field
// is said at the top.
import type { ReactNode } from "react";
import { Alert } from "../ui/alert";
import type { Submission } from "./use-submission";

interface FormProps {
  submission: Pick<Submission<string>, "form" | "errors">;
  onSubmit(): void;
  className?: string;
  children: ReactNode;
}

export function Form({ submission, onSubmit, className = "form", children }: FormProps) {
  return (
    <form
      ref={submission.form}
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {submission.errors.form && <Alert tone="error">{submission.errors.form}</Alert>}
      {children}
    </form>
  );
}
