// Placeholder: being built.
export default function AccountPage() {
  return <main id="main" className="page"><h1>account</h1></main>;
}
