// Placeholder: being built.
export default function DevicesPage() {
  return <main id="main" className="page"><h1>devices</h1></main>;
}
