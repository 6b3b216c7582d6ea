// Placeholder: being built.
export default function LandingPage() {
  return <main id="main" className="page"><h1>landing</h1></main>;
}
