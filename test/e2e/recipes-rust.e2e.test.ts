// Every recipe of the plugin's rust references, proven under a generated project's gate.
import { describeRecipes } from "./recipes/suite.js";

await describeRecipes("rust");
