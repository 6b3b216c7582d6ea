// Placeholder: being built.
export default function ProfileHomePage() {
  return <main id="main" className="page"><h1>profile-home</h1></main>;
}
