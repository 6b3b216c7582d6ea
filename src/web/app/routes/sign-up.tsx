// Placeholder: being built.
export default function SignUpPage() {
  return <main id="main" className="page"><h1>sign-up</h1></main>;
}
