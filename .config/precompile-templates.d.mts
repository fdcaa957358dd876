export function builtinSources(root: string): Promise<string[]>;
export function sourceKey(source: string): string;
export function precompiledModule(root: string): Promise<string>;
