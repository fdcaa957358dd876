export { createProject, type CreateResult, type CreateHooks } from "./core/create-project.js";
export { createOptionsSchema, type CreateOptions } from "./core/options.js";
export { EXIT, LitError } from "./core/errors.js";
export { planFiles, type Plan, type PlanEntry } from "./core/plan.js";
export { renderLayers } from "./core/render.js";
export { updateProject, type UpdateOptions, type UpdateResult } from "./update/update.js";
export { readBaseSnapshot, type BaseSnapshot } from "./update/snapshot.js";
export {
  fetchTemplate,
  listTemplateRefs,
  type FetchOptions,
  type FetchedTemplate,
  type TemplateRef,
  type TemplateRefs,
} from "./template-source/index.js";
