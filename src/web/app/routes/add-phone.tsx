// Placeholder: being built.
export default function AddPhonePage() {
  return <main id="main" className="page"><h1>add-phone</h1></main>;
}
