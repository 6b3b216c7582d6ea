// Placeholder: being built.
export default function ChangePasswordPage() {
  return <main id="main" className="page"><h1>change-password</h1></main>;
}
