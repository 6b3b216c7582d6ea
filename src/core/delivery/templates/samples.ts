// One valid payload per template: what the template tests render, and what a developer can
// render to look at every message (see the README's "Messages" section).
import type { TemplateName } from "./render";

const at = "2026-11-21T13:05:00.000Z";

export const samplePayloads: Record<TemplateName, Record<string, unknown>> = {
  email_verification: { token: "sample-verification-token" },
  password_reset: { token: "sample-reset-token" },
  email_change: { token: "sample-email-change-token" },
  phone_verification: { code: "123456" },
  password_reset_code: { code: "654321" },
  sign_in_code: { code: "246810", device: "Chrome on macOS", newDevice: true },
  sign_in_code_text: { code: "135790" },
  new_sign_in: { device: "Chrome on macOS", ip: "203.0.113.10", at },
  password_changed: { at },
  email_changed: { newEmail: "n***@example.com", at },
  phone_changed: { phone: "+1 ••• ••• ••23", change: "added", at },
  two_step_changed: { change: "passkey_added", at },
  signed_out_all_devices: { at },
  plan_changed: { plan: "Premium", screens: 4, downgrade: false, at },
  parental_controls_changed: { profile: "Robin", at },
  account_locked: { at },
  account_unlocked: { at },
  account_deleted: { at },
};
