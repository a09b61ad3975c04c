"use client";
// The admin sign-in form; shows the action's error in place.
import { useActionState } from "react";
import type { SignInState } from "@/lib/auth/session";

type Labels = { token: string; name: string; signIn: string; wrongToken: string; tooManyAttempts: string; notConfigured: string };

export function SignInForm({
  action,
  next,
  labels,
}: {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  next: string;
  labels: Labels;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form-stack">
      <input type="hidden" name="next" value={next} />
      <label className="field">
        <span className="field__label">{labels.token}</span>
        <input
          type="password"
          name="token"
          required
          autoComplete="current-password"
          aria-invalid={state.error === "wrong_token"}
          aria-describedby={state.error ? "sign-in-error" : undefined}
        />
      </label>
      <label className="field">
        <span className="field__label">{labels.name}</span>
        <input type="text" name="name" autoComplete="name" maxLength={80} />
      </label>
      {state.error ? (
        <p id="sign-in-error" className="form-error" role="alert">
          {state.error === "wrong_token"
            ? labels.wrongToken
            : state.error === "too_many_attempts"
              ? labels.tooManyAttempts.replace("{seconds}", String(state.retryAfterSeconds ?? 60))
              : labels.notConfigured}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {labels.signIn}
      </button>
    </form>
  );
}
