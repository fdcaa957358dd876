// Every recipe of the plugin's python references, proven under a generated project's gate.
import { describeRecipes } from "./recipes/suite.js";

await describeRecipes("python");
