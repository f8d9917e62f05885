/** Stylesheets are bundled as text (webpack's asset/source) and added to the page at start. */
declare module "*.css" {
  const text: string;
  export default text;
}
