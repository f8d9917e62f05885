/**
 * The parts of the yaml package the model uses, in one module. Like engine/expression/mathjs.ts, its
 * compiled copy is replaced by a single-file bundle at build (scripts/bundle-dependencies.mjs): the
 * package is some seventy module files, which Node would otherwise load one by one at every start. The
 * add-in's build puts addin/onDemand/yaml.ts in its place, which loads the package when first used.
 */
export { parseDocument, stringify } from "yaml";
