// The one way the web app's forms and dialogs send something to Usher: one request at a time
// (`pending`), its refusal said in words at the field it concerns or above the form, a
// throttled request's wait kept (`throttled`), and the keyboard taken to the first field
// said to be wrong. Checks made before sending are said the same way (`invalid`).
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { ApiError, failureMessage, isSessionLost } from "../../lib/api-client";
import { PasskeyCancelled } from "../../lib/passkey-cancelled";

/** Where a refusal is said: at a field (the field its form shows it under), above the form, or nowhere (the caller acts on it). */
export type Place<Field extends string> = Field | "form" | null;

export type FormErrors<Field extends string> = Partial<Record<Field | "form", string>>;

/** How a submission ended: the answer, or the refusal with its catalogue code and its words. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: string | undefined; message: string; retryAfterSec: number | undefined; failure: unknown };

interface SubmissionOptions<Field extends string> {
  /** Said when a failure has no words of its own (a bug, an answer that isn't Usher's). */
  fallback: string;
  /** Catalogue codes said somewhere other than `otherwise`. */
  at?: Partial<Record<string, Place<Field>>>;
  /** Where every other refusal is said: above the form unless told. */
  otherwise?: Place<Field>;
}

export interface Submission<Field extends string = never> {
  /**
   * Sends: `send` includes what follows an answer (a navigation), so `pending` lasts until
   * then. `fallback` stands in for the options' own, for a form that sends two ways.
   */
  run<T>(send: () => Promise<T>, fallback?: string): Promise<Outcome<T>>;
  pending: boolean;
  errors: FormErrors<Field>;
  /** True while a throttled request's wait (its Retry-After) runs. */
  throttled: boolean;
  /** Says what a check before sending found; true when it found anything. */
  invalid(found: FormErrors<Field>): boolean;
  /** Forgets the last refusal and wait: a dialog opened again starts afresh. */
  reset(): void;
  /** Forgets what was said about one field (the user is editing it). */
  forget(field: Field | "form"): void;
  /** For the <form>: the first field said to be wrong gets the keyboard. */
  form: RefObject<HTMLFormElement | null>;
}

export function useSubmission<Field extends string = never>({
  fallback,
  at = {},
  otherwise = "form",
}: SubmissionOptions<Field>): Submission<Field> {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [throttled, setThrottled] = useState(false);
  const [shown, setShown] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const wait = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(wait.current), []);
  useEffect(() => {
    if (shown > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shown]);

  const show = useCallback((found: FormErrors<Field>) => {
    setErrors(found);
    setShown((count) => count + 1);
  }, []);

  const invalid = useCallback(
    (found: FormErrors<Field>) => {
      const any = Object.values(found).some(Boolean);
      if (any) show(found);
      return any;
    },
    [show],
  );

  const reset = useCallback(() => {
    setErrors({});
    clearTimeout(wait.current);
    setThrottled(false);
  }, []);

  const forget = useCallback((field: Field | "form") => setErrors(({ [field]: _, ...rest }) => rest as FormErrors<Field>), []);

  async function run<T>(send: () => Promise<T>, fallbackHere = fallback): Promise<Outcome<T>> {
    setPending(true);
    setErrors({});
    try {
      return { ok: true, value: await send() };
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : undefined;
      const message = failure instanceof PasskeyCancelled ? failure.message : failureMessage(failure, fallbackHere);
      if (refusal?.code === "RATE_LIMITED" && refusal.retryAfterSec) {
        clearTimeout(wait.current);
        setThrottled(true);
        wait.current = setTimeout(() => setThrottled(false), refusal.retryAfterSec * 1000);
      }
      const place = refusal && refusal.code in at ? at[refusal.code] : otherwise;
      // A lost session is already on its way to the sign-in page: nothing to say here.
      if (place && !isSessionLost(failure)) show({ [place]: message } as FormErrors<Field>);
      return { ok: false, code: refusal?.code, message, retryAfterSec: refusal?.retryAfterSec, failure };
    } finally {
      setPending(false);
    }
  }

  return { run, pending, errors, throttled, invalid, reset, forget, form };
}
